package com.fortinet.marketplace.orders;

public enum OrderType {
    RENEW("Renewal"), COTERM("Co-term"), UPGRADE("Upgrade");

    private final String label;

    OrderType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
