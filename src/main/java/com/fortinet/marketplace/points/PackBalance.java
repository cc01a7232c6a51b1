package com.fortinet.marketplace.points;

import java.time.LocalDate;

/** What the FIFO allocator needs to know about a pack. */
public record PackBalance(long packId, String sku, long remaining, LocalDate registeredAt, LocalDate expiresAt) {
}
