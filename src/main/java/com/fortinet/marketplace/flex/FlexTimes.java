package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.time.BusinessClock;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Instants as people in Fortinet's business time zone read them. */
public final class FlexTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.US)
            .withZone(BusinessClock.ZONE);

    private FlexTimes() {
    }

    public static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
