package com.fortinet.marketplace.accounts;

public enum Role {
    CUSTOMER_USER("Customer user"),
    PARTNER_USER("Partner user"),
    RENEWALS_STAFF("Renewals staff"),
    ADMIN("Administrator");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Customer and partner users belong to an account; staff and admins belong to Fortinet. */
    public boolean belongsToAccount() {
        return this == CUSTOMER_USER || this == PARTNER_USER;
    }

    public boolean readsEveryAccount() {
        return this == RENEWALS_STAFF || this == ADMIN;
    }
}
