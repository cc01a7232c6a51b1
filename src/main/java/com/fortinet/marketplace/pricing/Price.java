package com.fortinet.marketplace.pricing;

/** Points for one (model, service, term). */
public record Price(String model, String service, int termMonths, long points) {
}
