package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.accounts.Region;

/** The RTS filters; null means "any". */
public record RtsFilter(Region region, Long partnerId, String family, Channel channel) {

    public static RtsFilter none() {
        return new RtsFilter(null, null, null, null);
    }

    public RtsFilter {
        family = family == null || family.isBlank() ? null : family.trim();
    }
}
