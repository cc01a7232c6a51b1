package com.fortinet.marketplace.flex.configs;

public enum ConfigStatus {
    ACTIVE, DISABLED
}
