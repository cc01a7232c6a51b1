package com.fortinet.marketplace.points;

import java.time.Instant;
import java.time.LocalDate;

public record PointPack(long id, long accountId, String sku, long points, long remaining, LocalDate registeredAt,
                        LocalDate expiresAt, String source, Instant createdAt) {

    public PackStatus status(LocalDate today) {
        return PackValidity.status(remaining, expiresAt, today);
    }

    public PackBalance balance() {
        return new PackBalance(id, sku, remaining, registeredAt, expiresAt);
    }
}
