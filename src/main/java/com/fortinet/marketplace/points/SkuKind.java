package com.fortinet.marketplace.points;

/**
 * What a SKU's packs hold. FortiPoints packs register on an account's points balance; FortiFlex points packs register
 * onto the account's prepaid FortiFlex program. A code of one kind never registers as the other.
 */
public enum SkuKind {
    FORTIPOINTS("FortiPoints"),
    FORTIFLEX("FortiFlex points");

    private final String label;

    SkuKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
