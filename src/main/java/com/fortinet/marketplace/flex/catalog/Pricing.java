package com.fortinet.marketplace.flex.catalog;

import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Points per day of parameter values, from the catalogue and the current rate table; and the calculator (§7 calc). */
@Service
public class Pricing {

    /** A calculation covers at most this many entitlements and days (keeps totals readable and far from overflow). */
    public static final long MAX_COUNT = 100_000;
    public static final long MAX_DAYS = 3_660;

    private final Catalog catalog;
    private final RateTable rates;

    public Pricing(Catalog catalog, RateTable rates) {
        this.catalog = catalog;
        this.rates = rates;
    }

    public RateRule.Price price(ProductType type, ConfigParameters params) {
        return RateRule.price(type, params, rates.of(type.id()));
    }

    public record Calculation(int productTypeId, ConfigParameters parameters, BigDecimal pointsPerDay, long count,
                              long days, BigDecimal totalPoints, boolean demoRates) {
    }

    /** {@code count} and {@code days} default to 1. */
    public Calculation calc(Integer productTypeId, Map<Integer, List<String>> given, Long count, Long days) {
        if (productTypeId == null) {
            throw new InvalidInputException("productTypeId", "Send the product type id, e.g. 1 for FortiGate-VM.");
        }
        ProductType type = catalog.find(productTypeId).orElseThrow(() -> new InvalidInputException("productTypeId",
                "There is no FortiFlex product type " + productTypeId + "."));
        long n = count == null ? 1 : count;
        long d = days == null ? 1 : days;
        if (n < 1 || n > MAX_COUNT) {
            throw new InvalidInputException("count", "The count is a whole number from 1 to " + String.format("%,d", MAX_COUNT) + ".");
        }
        if (d < 1 || d > MAX_DAYS) {
            throw new InvalidInputException("days", "Days are a whole number from 1 to " + String.format("%,d", MAX_DAYS) + ".");
        }
        ConfigParameters params = ParameterRules.validate(type, given);
        RateRule.Price price = price(type, params);
        BigDecimal total = price.pointsPerDay().multiply(BigDecimal.valueOf(n)).multiply(BigDecimal.valueOf(d));
        return new Calculation(type.id(), params, price.pointsPerDay(), n, d, total, price.demo());
    }
}
