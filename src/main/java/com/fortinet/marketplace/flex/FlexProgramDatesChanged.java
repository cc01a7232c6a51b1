package com.fortinet.marketplace.flex;

import java.time.LocalDate;

/**
 * Published inside the transaction that changes a program's dates (extension, edit, early end), before it commits.
 * Entitlements that follow the program's end move with it: their listener (flex-entitlements) runs synchronously in
 * the same transaction, so the program and its entitlements change together or not at all. Listeners also cut a
 * user-defined entitlement end date that is now after the program's end.
 */
public record FlexProgramDatesChanged(long programId, long accountId, String serialNumber, ProgramChange.Kind kind,
                                      LocalDate previousStart, LocalDate previousEnd, LocalDate startDate,
                                      LocalDate endDate, long userId) {

    public boolean endChanged() {
        return !previousEnd.equals(endDate);
    }
}
