package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.flex.FlexProperties;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.TooManyAttemptsException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Token activation has no API key, so failed attempts (unknown or malformed tokens) are limited per client address,
 * counted in the database so every instance agrees. A VM activating with a good token is never counted.
 */
@Component
class ActivationThrottle {

    private final JdbcTemplate jdbc;
    private final BusinessClock clock;
    private final int maxFailures;
    private final Duration window;

    ActivationThrottle(JdbcTemplate jdbc, BusinessClock clock, FlexProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = properties.activation().maxFailures();
        this.window = properties.activation().window();
    }

    void check(String address) {
        Instant now = clock.now();
        Integer failures = jdbc.queryForObject(
                "select count(*) from flex_activation_failures where address = ? and failed_at > ? and failed_at <= ?",
                Integer.class, address, Timestamp.from(now.minus(window)), Timestamp.from(now));
        if (failures != null && failures >= maxFailures) {
            throw new TooManyAttemptsException("Too many token activations failed from this address: " + maxFailures
                    + " within " + window.toMinutes() + " minutes. Wait, then check the token and try again.");
        }
    }

    /** In its own transaction: the failed activation's answer is an error, and the count must stay. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String address) {
        Instant now = clock.now();
        jdbc.update("insert into flex_activation_failures (address, failed_at) values (?, ?)", address, Timestamp.from(now));
        jdbc.update("delete from flex_activation_failures where address = ? and failed_at < ?", address,
                Timestamp.from(now.minus(window.multipliedBy(4))));
    }
}
