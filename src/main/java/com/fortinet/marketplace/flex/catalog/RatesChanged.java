package com.fortinet.marketplace.flex.catalog;

import java.util.Set;

/**
 * Published inside the transaction that changed the rate table or the catalogue, so configurations of these product
 * types are priced again in it (a listener that refuses rolls the change back).
 */
public record RatesChanged(Set<Integer> productTypeIds, Long userId, String actor) {
}
