package com.fortinet.marketplace.flex;

import java.time.Instant;
import java.time.LocalDate;

/** One FortiPoints → FortiFlex transfer, as History shows it. */
public record FlexTransfer(long id, long accountId, long programId, String programSerialNumber, long fortiPointsSpent,
                           FlexPoints flexPointsAcquired, FlexPoints rate, LocalDate anniversaryDate, long pointsLedgerEntryId,
                           String createdByEmail, Instant createdAt) {
}
