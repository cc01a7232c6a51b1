package com.fortinet.marketplace.points;

import java.util.List;

/** {@code points} is the positive amount debited; {@code replayed} is true when an idempotency key was reused. */
public record SpendResult(long ledgerEntryId, long points, long balanceBefore, long balanceAfter,
                          List<Allocation> allocations, boolean replayed) {
}
