package com.fortinet.marketplace.points;

public enum PackStatus {
    ACTIVE("Active"), EXPIRING_SOON("Expiring soon"), USED_UP("Used up"), EXPIRED("Expired");

    private final String label;

    PackStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
