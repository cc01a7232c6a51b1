package com.fortinet.marketplace.flex.entitlements;

/** DESIGN §4.3: PENDING → ACTIVE (token used) ⇄ STOPPED; any → EXPIRED at the end date; hardware → REMOVED. */
public enum EntitlementStatus {
    PENDING("Pending", "badge-info"),
    ACTIVE("Active", "badge-ok"),
    STOPPED("Stopped", "badge-warn"),
    EXPIRED("Expired", "badge-muted"),
    REMOVED("Removed", "badge-muted");

    private final String label;
    private final String badge;

    EntitlementStatus(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    public String label() {
        return label;
    }

    public String badge() {
        return badge;
    }
}
