package com.fortinet.marketplace.history;

import com.fortinet.marketplace.web.FormErrors;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** History's filters; {@code type} null means orders and transfers alike. */
public record HistoryFilter(LocalDate from, LocalDate to, HistoryType type) {

    /** The page's query string as sent (bound by Spring MVC, names as in its links). */
    public record Params(String from, String to, String type) {
        public HistoryFilter parse(FormErrors errors) {
            return HistoryFilter.parse(from, to, type, errors);
        }
    }

    public static HistoryFilter none() {
        return new HistoryFilter(null, null, null);
    }

    public boolean orders() {
        return type == null || type.orderType() != null;
    }

    public boolean transfers() {
        return type == null || type == HistoryType.FLEX_TRANSFER;
    }

    /**
     * Reads the page's query parameters; a bad value is reported in {@code errors} under its field (shown next to it)
     * and that filter is left out, so the page still answers.
     */
    public static HistoryFilter parse(String from, String to, String type, FormErrors errors) {
        LocalDate f = date("from", from, errors);
        LocalDate t = date("to", to, errors);
        if (f != null && t != null && t.isBefore(f)) {
            errors.add("to", "'To' (" + t + ") is before 'From' (" + f + ").");
            t = null;
        }
        HistoryType ty = null;
        if (type != null && !type.isBlank()) {
            try {
                ty = HistoryType.valueOf(type.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("type", "Choose a type from the list.");
            }
        }
        return new HistoryFilter(f, t, ty);
    }

    private static LocalDate date(String field, String value, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, "'" + value.trim() + "' is not a date: use YYYY-MM-DD, e.g. 2026-01-31.");
            return null;
        }
    }
}
