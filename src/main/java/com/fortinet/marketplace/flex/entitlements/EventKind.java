package com.fortinet.marketplace.flex.entitlements;

/** What happened to an entitlement (its page lists these with who and when). */
public enum EventKind {
    CREATED("Created"),
    ACTIVATED("Activated with its token"),
    TOKEN_USED("Token used"),
    STOPPED("Stopped"),
    REACTIVATED("Reactivated"),
    CONFIG_CHANGED("Configuration changed"),
    END_DATE_CHANGED("End date changed"),
    DESCRIPTION_CHANGED("Description changed"),
    TOKEN_REGENERATED("Token regenerated"),
    REMOVED("Removed"),
    EXPIRED("Expired");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
