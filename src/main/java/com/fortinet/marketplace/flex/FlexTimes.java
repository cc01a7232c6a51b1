package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.web.Formats;

import java.time.Instant;

/** Instants as people in Fortinet's business time zone read them: the portal's one rule, {@link Formats#time}. */
public final class FlexTimes {

    private FlexTimes() {
    }

    public static String format(Instant instant) {
        return instant == null ? "" : Formats.time(instant);
    }
}
