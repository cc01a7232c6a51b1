package com.fortinet.marketplace.security;

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
 * Failed sign-ins per e-mail, kept in the database so every instance behind the load balancer sees the same count.
 * Unknown e-mails are counted too, so the lock does not reveal which addresses exist.
 */
@Component
public class LoginAttempts {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public LoginAttempts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Instant> lockedUntil(String email) {
        List<Timestamp> rows = jdbc.queryForList("select locked_until from login_failures where email = ?",
                Timestamp.class, normalize(email));
        return rows.stream().filter(t -> t != null).map(Timestamp::toInstant)
                .filter(until -> until.isAfter(clock.instant())).findFirst();
    }

    public void recordFailure(String email) {
        String key = normalize(email);
        if (key.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // A lock that ran out starts a fresh count.
        jdbc.update("""
                insert into login_failures (email, failures, last_failure_at, locked_until) values (?, 1, ?, null)
                on duplicate key update
                  failures = if(locked_until is not null and locked_until <= ?, 1, failures + 1),
                  locked_until = if(locked_until is not null and locked_until <= ?, null, locked_until),
                  last_failure_at = values(last_failure_at)
                """, key, Timestamp.from(now), Timestamp.from(now), Timestamp.from(now));
        jdbc.update("update login_failures set locked_until = ? where email = ? and failures >= ? and locked_until is null",
                Timestamp.from(now.plus(LOCK)), key, MAX_FAILURES);
    }

    public void reset(String email) {
        jdbc.update("delete from login_failures where email = ?", normalize(email));
    }

    static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }
}
