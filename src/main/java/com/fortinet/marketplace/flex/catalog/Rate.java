package com.fortinet.marketplace.flex.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the points-per-day rate table. {@code conditions}: canonical 'id=value' pairs joined by ';' ('' always
 * matches). {@code perParameterId} 0: a flat rate; otherwise the rate per unit of that NUMERIC parameter.
 */
public record Rate(long id, int productTypeId, RateKind kind, String conditions, int perParameterId,
                   BigDecimal pointsPerDay, boolean demo, Instant updatedAt) {

    public record Condition(int parameterId, String value) {
    }

    public List<Condition> conditionList() {
        List<Condition> out = new ArrayList<>();
        if (conditions == null || conditions.isBlank()) {
            return out;
        }
        for (String pair : conditions.split(";")) {
            int eq = pair.indexOf('=');
            out.add(new Condition(Integer.parseInt(pair.substring(0, eq)), pair.substring(eq + 1)));
        }
        return out;
    }

    public boolean perUnit() {
        return perParameterId != 0;
    }
}
