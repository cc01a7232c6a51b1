package com.fortinet.marketplace.installedbase;

/** The units-list filter "expiry": any service lapsed, or ending within the next N days. */
public enum ExpiryWindow {
    EXPIRED("Expired (lapsed or in grace)", 0),
    NEXT_30("Expiring in the next 30 days", 30),
    NEXT_60("Expiring in the next 60 days", 60),
    NEXT_90("Expiring in the next 90 days", 90);

    private final String label;
    private final int days;

    ExpiryWindow(String label, int days) {
        this.label = label;
        this.days = days;
    }

    public String label() {
        return label;
    }

    public int days() {
        return days;
    }
}
