package com.fortinet.marketplace.points;

/**
 * A debit of {@code points} (positive) from {@code accountId}. {@code idempotencyKey} (optional) is recorded on the
 * ledger row and unique per account there, a last guard against a double charge; answering a repeated request with
 * its first result is {@link com.fortinet.marketplace.idempotency.Idempotency}'s job, before the spend.
 */
public record SpendRequest(long accountId, long points, LedgerKind kind, String reference, String idempotencyKey) {
}
