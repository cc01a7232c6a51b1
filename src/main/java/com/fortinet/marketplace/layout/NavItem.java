package com.fortinet.marketplace.layout;

/** One link of the header navigation; {@code section} marks the active link. */
public record NavItem(int order, String label, String href, String section) {
}
