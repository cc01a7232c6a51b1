package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.web.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The query of a usage request (API and CSV): from, to (inclusive, default the last 30 days) and by. */
record UsageRequest(LocalDate from, LocalDate to, UsageBreakdown.By by) {

    static UsageRequest parse(String from, String to, String by, LocalDate today) {
        LocalDate t = date(to, "to", today);
        LocalDate f = date(from, "from", t.minusDays(29));
        UsageBreakdown.By b = null;
        if (by != null && !by.isBlank()) {
            try {
                b = UsageBreakdown.By.valueOf(by.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("by", "by is day, entitlement or config, not '" + shorten(by) + "'.");
            }
        }
        return new UsageRequest(f, t, b);
    }

    private static LocalDate date(String value, String field, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " is a date as YYYY-MM-DD, not '" + shorten(value) + "'.");
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
