package com.fortinet.marketplace.points;

import java.time.Instant;
import java.time.LocalDate;

/** One ledger row; {@code points} is signed (+ credit, − debit). */
public record LedgerEntry(long id, long accountId, LedgerKind kind, long points, long balanceAfter, String reference,
                          String idempotencyKey, Long packId, LocalDate businessDate, Instant createdAt) {
}
