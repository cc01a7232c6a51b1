package com.fortinet.marketplace.points;

import java.util.List;

/** {@code points} is the positive amount debited. */
public record SpendResult(long ledgerEntryId, long points, long balanceBefore, long balanceAfter,
                          List<Allocation> allocations) {
}
