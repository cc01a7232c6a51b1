package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.InvalidInputException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

/** A reporting period of whole days, both ends included. Pure. */
public record Period(LocalDate from, LocalDate to) {

    /** Ten years: enough for any report, small enough that a typo (year 20266) is caught. */
    static final long MAX_DAYS = 3660;

    public Period {
        if (from.isAfter(to)) {
            throw new InvalidInputException("to", "The end of the period (" + to + ") is before its start (" + from + ").");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new InvalidInputException("to", "A period is at most ten years long.");
        }
    }

    public static Period month(YearMonth m) {
        return new Period(m.atDay(1), m.atEndOfMonth());
    }

    /** The calendar quarter (1–4) of {@code year}. */
    public static Period quarter(int year, int q) {
        if (q < 1 || q > 4) {
            throw new InvalidInputException("quarter", "Quarters are numbered 1 to 4.");
        }
        YearMonth first = YearMonth.of(year, (q - 1) * 3 + 1);
        return new Period(first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }

    public static Period quarterOf(LocalDate day) {
        return quarter(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR));
    }

    /**
     * From request parameters: {@code from} and {@code to} (ISO dates) win; else {@code month} (YYYY-MM); else
     * {@code quarter} (YYYY-Qn); else the quarter of today.
     */
    public static Period parse(String from, String to, String month, String quarter, LocalDate today) {
        if (!blank(from) || !blank(to)) {
            FieldChecks checks = new FieldChecks();
            LocalDate f = checks.value(() -> date("from", from));
            LocalDate t = checks.value(() -> date("to", to));
            checks.done();
            return new Period(f, t);
        }
        if (!blank(month)) {
            try {
                return month(YearMonth.parse(month.trim()));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("month", "Enter the month as YYYY-MM, e.g. 2026-07.");
            }
        }
        if (!blank(quarter)) {
            String q = quarter.trim().toUpperCase();
            if (!q.matches("\\d{4}-Q[1-4]")) {
                throw new InvalidInputException("quarter", "Enter the quarter as YYYY-Qn, e.g. 2026-Q3.");
            }
            return quarter(Integer.parseInt(q.substring(0, 4)), q.charAt(6) - '0');
        }
        return quarterOf(today);
    }

    /** A required ISO date; a clear 400 when it is missing or malformed. */
    public static LocalDate date(String field, String value) {
        if (blank(value)) {
            throw new InvalidInputException(field, "Enter '" + field + "' as a date, YYYY-MM-DD.");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + value + "' is not a date: use YYYY-MM-DD.");
        }
    }

    /** The twelve calendar months ending with the month of {@code to}: the trend chart's range. */
    public Period trailingYear() {
        YearMonth last = YearMonth.from(to);
        return new Period(last.minusMonths(11).atDay(1), last.atEndOfMonth());
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** "Q3 2026", "July 2026", or "2026-07-01 – 2026-08-15". */
    public String label() {
        YearMonth f = YearMonth.from(from);
        if (from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth())) {
            if (f.equals(YearMonth.from(to))) {
                return f.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + f.getYear();
            }
            if ((f.getMonthValue() - 1) % 3 == 0 && f.plusMonths(2).equals(YearMonth.from(to))) {
                return "Q" + ((f.getMonthValue() - 1) / 3 + 1) + " " + f.getYear();
            }
        }
        return from + " – " + to;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
