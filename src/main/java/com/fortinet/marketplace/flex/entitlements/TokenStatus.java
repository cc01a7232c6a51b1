package com.fortinet.marketplace.flex.entitlements;

/** FortiFlex's names: a VM's license token is NOTUSED until the VM activates with it, then USED. */
public enum TokenStatus {
    NOTUSED, USED
}
