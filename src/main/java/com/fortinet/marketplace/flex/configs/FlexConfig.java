package com.fortinet.marketplace.flex.configs;

import com.fortinet.marketplace.flex.catalog.ConfigParameters;

import java.math.BigDecimal;
import java.time.Instant;

/** A FortiFlex configuration as it is now (its history is in {@link ConfigVersion}s). Never deleted. */
public record FlexConfig(long id, long accountId, long programId, int productTypeId, String name, ConfigStatus status,
                         ConfigParameters parameters, BigDecimal pointsPerDay, int version, Instant createdAt,
                         Instant updatedAt) {

    public boolean active() {
        return status == ConfigStatus.ACTIVE;
    }
}
