package com.fortinet.marketplace.web;

import com.fortinet.marketplace.time.BusinessClock;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the portal writes numbers, day counts and times, in pages (as {@code #fmt} in every template, see
 * {@link FormatDialect}) and in messages built in Java. One time-zone rule: every time is shown in Fortinet's business
 * time zone (America/Los_Angeles, "PST"/"PDT"), the zone business dates are counted in, so a time and the date next to
 * it never disagree.
 */
public final class Formats {

    /** What the footer and page notes call the business time zone. */
    public static final String ZONE_NOTE = "Pacific time (PST/PDT)";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.US)
            .withZone(BusinessClock.ZONE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z", Locale.US)
            .withZone(BusinessClock.ZONE);

    /** What templates see as {@code #fmt} (SpEL calls static methods through an instance). */
    static final Formats INSTANCE = new Formats();

    private Formats() {
    }

    /** 1,234,567 (thousands separated); "—" for null. */
    public static String num(Number n) {
        return n == null ? "—" : NumberFormat.getIntegerInstance(Locale.US).format(n.longValue());
    }

    /** "1 point", "1,500 points". */
    public static String points(Number n) {
        return n == null ? "—" : plural(n.longValue(), "point", "points");
    }

    /** "1 day", "0 days", "1,049 days". */
    public static String days(Number n) {
        return n == null ? "—" : plural(n.longValue(), "day", "days");
    }

    /** "1 month", "36 months". */
    public static String months(Number n) {
        return n == null ? "—" : plural(n.longValue(), "month", "months");
    }

    public static String plural(long n, String one, String many) {
        return num(n) + " " + (Math.abs(n) == 1 ? one : many);
    }

    /** "2026-11-25 10:00 PST": an instant in the business time zone. */
    public static String time(Instant at) {
        return at == null ? "—" : DATE_TIME.format(at);
    }

    /** "10:45 PST": the time of day only, for "locked until …" messages the same day. */
    public static String timeOfDay(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    /** The business date of an instant (2026-11-25), e.g. when a row was created. */
    public static String dateOf(Instant at) {
        return at == null ? "—" : at.atZone(BusinessClock.ZONE).toLocalDate().toString();
    }

    /** ISO date (2026-11-25); "—" for null. */
    public static String date(LocalDate d) {
        return d == null ? "—" : d.toString();
    }

    /** An enum-like code as words: COMPLETED → Completed, IN_GRACE → In grace. */
    public static String words(Object code) {
        if (code == null) {
            return "—";
        }
        String s = code.toString().replace('_', ' ').trim().toLowerCase(Locale.ROOT);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static String zoneNote() {
        return ZONE_NOTE;
    }
}
