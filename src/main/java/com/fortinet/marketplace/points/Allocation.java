package com.fortinet.marketplace.points;

import java.time.LocalDate;

/** How many points one pack paid towards a debit. */
public record Allocation(long packId, String sku, long points, LocalDate expiresAt) {
}
