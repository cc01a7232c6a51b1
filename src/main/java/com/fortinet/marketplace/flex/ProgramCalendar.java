package com.fortinet.marketplace.flex;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Program years of a FortiFlex program. The anniversary is the start's month and day; the n-th anniversary is
 * {@code start.plusYears(n)}, always computed from the start (never from the previous anniversary) so a program
 * starting on 29 February has its anniversary on 28 February in non-leap years and on 29 February again in leap
 * years. Program year n runs [anniversary n, anniversary n+1); its first day is day 1.
 */
public final class ProgramCalendar {

    private ProgramCalendar() {
    }

    public static LocalDate anniversary(LocalDate start, int n) {
        return start.plusYears(n);
    }

    /** Index of the program year containing {@code date} (0 = first year); dates before the start count as year 0. */
    public static int yearIndex(LocalDate start, LocalDate date) {
        if (!date.isAfter(start)) {
            return 0;
        }
        int n = date.getYear() - start.getYear();
        while (n > 0 && anniversary(start, n).isAfter(date)) {
            n--;
        }
        return n;
    }

    /** First day of the program year containing {@code date}. */
    public static LocalDate yearStart(LocalDate start, LocalDate date) {
        return anniversary(start, yearIndex(start, date));
    }

    /** The first anniversary strictly after {@code date} (the day the current program year rolls over). */
    public static LocalDate nextAnniversary(LocalDate start, LocalDate date) {
        if (date.isBefore(start)) {
            return anniversary(start, 1);
        }
        return anniversary(start, yearIndex(start, date) + 1);
    }

    /** Day number within its program year: the anniversary itself is day 1. */
    public static int dayOfProgramYear(LocalDate start, LocalDate date) {
        return (int) ChronoUnit.DAYS.between(yearStart(start, date), date) + 1;
    }

    /**
     * Anniversaries that have been reached by {@code today} while the program still runs: start &lt; A &le; today
     * and A &lt; end. An anniversary on the end date itself is no roll-over: there is no next program year.
     */
    public static List<LocalDate> anniversariesReached(LocalDate start, LocalDate end, LocalDate today) {
        List<LocalDate> due = new ArrayList<>();
        for (int n = 1; ; n++) {
            LocalDate a = anniversary(start, n);
            if (a.isAfter(today) || !a.isBefore(end)) {
                return due;
            }
            due.add(a);
        }
    }
}
