package com.fortinet.marketplace.pricing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The price list of some models, read at once ({@link PriceList#forModels}): pricing an order of 500 lines reads the
 * list once instead of once per line.
 */
public final class Prices {

    private final Map<String, Long> points = new HashMap<>();

    Prices(List<Price> prices) {
        prices.forEach(p -> points.put(key(p.model(), p.service(), p.termMonths()), p.points()));
    }

    public Optional<Long> price(String model, String service, int termMonths) {
        return Optional.ofNullable(points.get(key(model, service, termMonths)));
    }

    /** The 12-month price: what proration (co-term, upgrade) is computed from. */
    public Optional<Long> annual(String model, String service) {
        return price(model, service, 12);
    }

    // The price list's columns compare without case in the database (the one-row lookup this replaces did too).
    private static String key(String model, String service, int termMonths) {
        return (model == null ? "" : model.toUpperCase(Locale.ROOT)) + "|" + (service == null ? "" : service.toUpperCase(Locale.ROOT))
                + "|" + termMonths;
    }
}
