package com.fortinet.marketplace.points;

import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.Formats;
import com.fortinet.marketplace.web.TooManyAttemptsException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

    /** Warn the user once this few attempts are left before the lock. */
    public static final int WARN_WHEN_LEFT = 5;

    /**
     * Failed attempts in the last {@link #WINDOW}; while {@link #MAX_FAILURES} or more, registration is locked until
     * the oldest of the last {@link #MAX_FAILURES} failures leaves the window.
     */
    public record Status(int failures, Instant lockedUntil) {
        public boolean locked() {
            return lockedUntil != null;
        }

        public int left() {
            return Math.max(0, MAX_FAILURES - failures);
        }

        public boolean warn() {
            return !locked() && failures > 0 && left() <= WARN_WHEN_LEFT;
        }

        /** "Registration is locked until 10:45 PST …" or "3 attempts left …", for the page. */
        public String message() {
            if (locked()) {
                return "Too many registration attempts failed: " + MAX_FAILURES + " in " + WINDOW.toMinutes()
                        + " minutes. Registration is locked until " + Formats.timeOfDay(lockedUntil)
                        + "; then check the code on your Service Registration Document and try again.";
            }
            return Formats.plural(left(), "attempt", "attempts") + " left: after " + MAX_FAILURES + " failed attempts in "
                    + WINDOW.toMinutes() + " minutes, registration is locked for " + WINDOW.toMinutes() + " minutes.";
        }
    }

    public Status status(long userId) {
        Instant now = clock.now();
        List<Timestamp> recent = jdbc.queryForList("select failed_at from registration_failures where user_id = ? "
                + "and failed_at > ? order by failed_at desc limit ?", Timestamp.class, userId,
                Timestamp.from(now.minus(WINDOW)), MAX_FAILURES);
        Instant until = recent.size() >= MAX_FAILURES ? recent.get(MAX_FAILURES - 1).toInstant().plus(WINDOW) : null;
        Integer failures = jdbc.queryForObject("select count(*) from registration_failures where user_id = ? and failed_at > ?",
                Integer.class, userId, Timestamp.from(now.minus(WINDOW)));
        return new Status(failures == null ? 0 : failures, until != null && until.isAfter(now) ? until : null);
    }

    public void check(long userId) {
        Status status = status(userId);
        if (status.locked()) {
            throw new TooManyAttemptsException(status.message());
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
