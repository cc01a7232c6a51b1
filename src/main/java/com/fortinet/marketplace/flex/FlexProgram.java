package com.fortinet.marketplace.flex;

import java.time.Instant;
import java.time.LocalDate;

/** An account's FortiFlex program (at most one per account). Runs [startDate, endDate). */
public record FlexProgram(long id, long accountId, FlexProgramType type, String serialNumber, LocalDate startDate,
                          LocalDate endDate, Instant createdAt) {

    public boolean isPrepaid() {
        return type == FlexProgramType.PREPAID;
    }

    public boolean hasEnded(LocalDate today) {
        return !today.isBefore(endDate);
    }

    public boolean hasStarted(LocalDate today) {
        return !today.isBefore(startDate);
    }

    /** The anniversary (start's month and day) at which the current program year rolls over. */
    public LocalDate nextAnniversary(LocalDate today) {
        return ProgramCalendar.nextAnniversary(startDate, today);
    }

    /** The anniversary as people say it, e.g. "10 March". */
    public String anniversaryMonthDay() {
        return startDate.getDayOfMonth() + " " + startDate.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
    }
}
