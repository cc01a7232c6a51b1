package com.fortinet.marketplace.flex.entitlements;

/** An entitlement with the names people read next to it. */
public record EntitlementRow(Entitlement entitlement, String configName, String productTypeName, String unitModel) {
}
