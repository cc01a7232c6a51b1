package com.fortinet.marketplace.accounts;

public enum Permission {
    READ_WRITE, READ_ONLY
}
