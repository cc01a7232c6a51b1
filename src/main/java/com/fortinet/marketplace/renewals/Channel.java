package com.fortinet.marketplace.renewals;

/** How a renewal was bought: in the marketplace with FortiPoints, or through a traditional purchase order. */
public enum Channel {
    POINTS("FortiPoints"),
    PO("Purchase order");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
