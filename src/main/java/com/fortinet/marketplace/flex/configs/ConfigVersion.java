package com.fortinet.marketplace.flex.configs;

import com.fortinet.marketplace.flex.catalog.ConfigParameters;

import java.math.BigDecimal;
import java.time.Instant;

/** A configuration's state from {@code validFrom} until the next version's: what the daily charge reads. */
public record ConfigVersion(long id, long configId, int version, Instant validFrom, ConfigChange change, String name,
                            ConfigStatus status, ConfigParameters parameters, BigDecimal pointsPerDay, Long userId,
                            String actor) {
}
