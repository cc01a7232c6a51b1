package com.fortinet.marketplace.accounts;

public enum AccountType {
    CUSTOMER, PARTNER
}
