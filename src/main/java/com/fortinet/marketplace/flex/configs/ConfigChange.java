package com.fortinet.marketplace.flex.configs;

/** Why a configuration version began. */
public enum ConfigChange {
    CREATED("Created"), UPDATED("Updated"), DISABLED("Disabled"), ENABLED("Enabled"), REPRICED("Rate table changed");

    private final String label;

    ConfigChange(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
