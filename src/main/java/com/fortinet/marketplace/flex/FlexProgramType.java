package com.fortinet.marketplace.flex;

/** PREPAID = Enterprise (points bought in advance, deducted daily); POSTPAID = MSSP (usage billed monthly). */
public enum FlexProgramType {
    PREPAID("ELAVMR", "Prepaid (Enterprise)"),
    POSTPAID("ELAVMS", "Postpaid (MSSP)");

    private final String serialPrefix;
    private final String label;

    FlexProgramType(String serialPrefix, String label) {
        this.serialPrefix = serialPrefix;
        this.label = label;
    }

    public String serialPrefix() {
        return serialPrefix;
    }

    public String label() {
        return label;
    }
}
