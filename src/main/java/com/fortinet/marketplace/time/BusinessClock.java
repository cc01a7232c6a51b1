package com.fortinet.marketplace.time;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Fortinet counts days in PST/PDT: the business date is the date in America/Los_Angeles. */
@Component
public class BusinessClock {

    public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");

    private final Clock clock;

    public BusinessClock(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public Instant now() {
        return clock.instant();
    }
}
