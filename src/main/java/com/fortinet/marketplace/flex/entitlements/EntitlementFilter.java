package com.fortinet.marketplace.flex.entitlements;

import java.util.Locale;

/** My Assets filters; null or blank = any. {@code serial}: part of a serial number. */
public record EntitlementFilter(Integer productTypeId, EntitlementStatus status, Long configId, String serial) {

    public static final EntitlementFilter ALL = new EntitlementFilter(null, null, null, null);

    public String serialPart() {
        if (serial == null || serial.isBlank()) {
            return null;
        }
        return serial.strip().toUpperCase(Locale.ROOT);
    }
}
