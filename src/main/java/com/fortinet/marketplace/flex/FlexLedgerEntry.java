package com.fortinet.marketplace.flex;

import java.time.Instant;
import java.time.LocalDate;

public record FlexLedgerEntry(long id, long programId, FlexLedgerKind kind, FlexPoints points, FlexPoints balanceAfter,
                              LocalDate effectiveDate, String description, Long transferId, Long flexPackId,
                              Instant createdAt) {
}
