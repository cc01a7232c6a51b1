package com.fortinet.marketplace.points;

import java.time.LocalDate;
import java.util.List;

/** The figures of an account's points dashboard and of GET /accounts/{id}/points. */
public record PointsSummary(long accountId, LocalDate today, long balance, long registered, long used, long expired,
                            long expiringIn90Days, List<PointPack> packs) {

    /** Share of the registered points of unexpired packs that has been spent, 0–100. */
    public int percentUsedOfUnexpired() {
        long unexpired = packs.stream().filter(p -> PackValidity.isSpendable(p.expiresAt(), today)).mapToLong(PointPack::points).sum();
        if (unexpired == 0) {
            return 0;
        }
        long left = packs.stream().filter(p -> PackValidity.isSpendable(p.expiresAt(), today)).mapToLong(PointPack::remaining).sum();
        return (int) Math.floor((unexpired - left) * 100.0 / unexpired);
    }
}
