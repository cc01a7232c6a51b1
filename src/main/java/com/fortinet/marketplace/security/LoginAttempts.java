package com.fortinet.marketplace.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed sign-ins (issue 12 item 6), kept in the database so every instance behind the load balancer sees the same
 * counts. Two counts, both per client address, so an attacker can lock only what they sign in from:
 * <ul>
 *   <li>address + e-mail: {@value #MAX_FAILURES} failures lock that e-mail <em>from that address</em> for 15 minutes.
 *   The user still signs in from their own network; an attacker can't lock the admin (or anyone) out.</li>
 *   <li>address: {@value #MAX_ADDRESS_FAILURES} failures (portal.login.max-failures-per-address) within 15 minutes, over any e-mails, block the address for
 *   15 minutes, so spraying one password over many e-mails is limited too.</li>
 * </ul>
 * Unknown e-mails are counted like known ones, so a lock reveals nothing about which e-mails exist. Behind a proxy
 * the client address is the forwarded one (see README, "Behind a TLS-terminating proxy").
 */
@Component
public class LoginAttempts {

    public static final int MAX_FAILURES = 5;
    public static final int MAX_ADDRESS_FAILURES = 30;
    public static final Duration LOCK = Duration.ofMinutes(15);

    public enum Lock { EMAIL, ADDRESS }

    public record Locked(Lock kind, Instant until) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxAddressFailures;

    public LoginAttempts(JdbcTemplate jdbc, Clock clock,
                         @Value("${portal.login.max-failures-per-address:" + MAX_ADDRESS_FAILURES + "}") int maxAddressFailures) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxAddressFailures = maxAddressFailures;
    }

    /** The lock that stops a sign-in of {@code email} from {@code address} now, if any (the address's first). */
    public Optional<Locked> lockedUntil(String address, String email) {
        Optional<Instant> byAddress = until(addressKey(address));
        if (byAddress.isPresent()) {
            return Optional.of(new Locked(Lock.ADDRESS, byAddress.get()));
        }
        return until(pairKey(address, email)).map(u -> new Locked(Lock.EMAIL, u));
    }

    private Optional<Instant> until(String subject) {
        List<Timestamp> rows = jdbc.queryForList("select locked_until from login_throttle where subject = ?",
                Timestamp.class, subject);
        Instant now = clock.instant();
        return rows.stream().filter(t -> t != null).map(Timestamp::toInstant).filter(u -> u.isAfter(now)).findFirst();
    }

    public void recordFailure(String address, String email) {
        count(addressKey(address), maxAddressFailures);
        if (!normalize(email).isEmpty()) {
            count(pairKey(address, email), MAX_FAILURES);
        }
    }

    /** One more failure for {@code subject}; a count older than the lock period (or a lock that ran out) starts afresh. */
    private void count(String subject, int max) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Timestamp stale = Timestamp.from(now.minus(LOCK));
        jdbc.update("""
                insert into login_throttle (subject, failures, window_start, locked_until) values (?, 1, ?, null)
                on duplicate key update
                  failures = if((locked_until is not null and locked_until <= ?) or (locked_until is null and window_start <= ?),
                                1, failures + 1),
                  window_start = if((locked_until is not null and locked_until <= ?) or (locked_until is null and window_start <= ?),
                                ?, window_start),
                  locked_until = if(locked_until is not null and locked_until <= ?, null, locked_until)
                """, subject, at, at, stale, at, stale, at, at);
        jdbc.update("update login_throttle set locked_until = ? where subject = ? and failures >= ? and locked_until is null",
                Timestamp.from(now.plus(LOCK)), subject, max);
    }

    /** A successful sign-in clears the count of that e-mail from that address (the address's own count runs out). */
    public void reset(String address, String email) {
        jdbc.update("delete from login_throttle where subject = ?", pairKey(address, email));
    }

    static String addressKey(String address) {
        return "a " + (address == null ? "" : address);
    }

    static String pairKey(String address, String email) {
        String key = "ae " + (address == null ? "" : address) + " " + normalize(email);
        return key.length() > 320 ? key.substring(0, 320) : key;
    }

    static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
