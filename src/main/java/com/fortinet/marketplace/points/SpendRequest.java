package com.fortinet.marketplace.points;

/**
 * A debit of {@code points} (positive) from {@code accountId}. {@code idempotencyKey} is unique per account: a second
 * request with the same key returns the first result instead of charging again.
 */
public record SpendRequest(long accountId, long points, LedgerKind kind, String reference, String idempotencyKey) {
}
