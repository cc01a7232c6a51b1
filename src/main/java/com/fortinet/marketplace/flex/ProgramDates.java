package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.web.InvalidInputException;

import java.time.LocalDate;
import java.util.Set;

/**
 * How a program's dates may change after it was registered (pure). A program runs [start, end).
 * <ul>
 *   <li><b>Extension</b> (another term of 12, 36 or 60 months registered on the account, DESIGN §4.1): the end moves
 *       later by the term. A program that has already ended starts its new term today (the end moves to today + the
 *       term), so an extension always gives the full term ahead.</li>
 *   <li><b>Editing the dates</b> (an admin correcting a registration) and <b>ending early</b>: the end stays after the
 *       start, and is never moved before today: the program ran until now and its points were counted until now. It
 *       can end today (it has then ended). It stays after the last anniversary already rolled over, which is the day
 *       a program year began.</li>
 *   <li>The <b>start</b> decides the anniversaries, so it no longer changes once a roll-over was done, and never
 *       moves after the first day FortiFlex points were added or used.</li>
 * </ul>
 */
public final class ProgramDates {

    public static final Set<Integer> TERMS = Set.of(12, 36, 60);

    private ProgramDates() {
    }

    /** The program's history that constrains a change: first ledger day and last roll-over (null when none). */
    public record History(LocalDate firstLedgerDay, LocalDate lastRollOver) {
        public static final History NONE = new History(null, null);
    }

    /** A date typed in a form: YYYY-MM-DD, blank = none; anything else is refused at the field. */
    public static LocalDate parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + raw.strip() + "' is not a date: enter it as YYYY-MM-DD.");
        }
    }

    public static LocalDate extendedEnd(FlexProgram program, Integer months, LocalDate today) {
        if (months == null || !TERMS.contains(months)) {
            throw new InvalidInputException("months", "A FortiFlex program term is 12, 36 or 60 months.");
        }
        LocalDate from = program.endDate().isAfter(today) ? program.endDate() : today;
        return from.plusMonths(months);
    }

    /**
     * Checks new dates for the program (either may equal the current one). Refusals name the field: startDate or
     * endDate.
     */
    public static void requireValid(FlexProgram program, LocalDate start, LocalDate end, LocalDate today, History history) {
        if (start == null) {
            throw new InvalidInputException("startDate", "Enter the program's start date (YYYY-MM-DD).");
        }
        if (end == null) {
            throw new InvalidInputException("endDate", "Enter the program's end date (YYYY-MM-DD).");
        }
        if (!start.equals(program.startDate())) {
            if (history.lastRollOver() != null) {
                throw new InvalidInputException("startDate", "Program " + program.serialNumber() + " rolled over at its "
                        + history.lastRollOver() + " anniversary; its start date, which sets the anniversaries, can no longer change.");
            }
            if (history.firstLedgerDay() != null && start.isAfter(history.firstLedgerDay())) {
                throw new InvalidInputException("startDate", "FortiFlex points of this program were added or used on "
                        + history.firstLedgerDay() + "; the program can start on " + history.firstLedgerDay() + " at the latest.");
            }
        }
        if (!end.isAfter(start)) {
            throw new InvalidInputException("endDate", "The end date must be after the start date.");
        }
        if (!end.equals(program.endDate())) {
            if (end.isBefore(today)) {
                throw new InvalidInputException("endDate", "A program can't end before today (" + today
                        + "): it ran until now. End it today at the earliest.");
            }
            if (history.lastRollOver() != null && !end.isAfter(history.lastRollOver())) {
                throw new InvalidInputException("endDate", "Program " + program.serialNumber() + " began a new program year on "
                        + history.lastRollOver() + "; it can end on " + history.lastRollOver().plusDays(1) + " at the earliest.");
            }
        }
    }
}
