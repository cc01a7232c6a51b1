package com.fortinet.marketplace.points;

import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.TooManyAttemptsException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/** Per-user limit on failed code registrations, kept in the database so it holds across instances. */
@Component
public class RegistrationAttempts {

    public static final int MAX_FAILURES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final BusinessClock clock;

    RegistrationAttempts(JdbcTemplate jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void check(long userId) {
        Instant now = clock.now();
        Integer failures = jdbc.queryForObject("select count(*) from registration_failures where user_id = ? and failed_at > ?",
                Integer.class, userId, Timestamp.from(now.minus(WINDOW)));
        if (failures != null && failures >= MAX_FAILURES) {
            throw new TooManyAttemptsException("Too many registration attempts failed: " + MAX_FAILURES + " in "
                    + WINDOW.toMinutes() + " minutes. Wait 15 minutes, then check the code on your Service Registration Document and try again.");
        }
    }

    /** Runs outside the failed registration's transaction (that one rolls back). */
    public void recordFailure(long userId) {
        Instant now = clock.now();
        jdbc.update("insert into registration_failures (user_id, failed_at) values (?, ?)", userId, Timestamp.from(now));
        jdbc.update("delete from registration_failures where user_id = ? and failed_at < ?", userId,
                Timestamp.from(now.minus(WINDOW.multipliedBy(4))));
    }
}
