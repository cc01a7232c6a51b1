package com.fortinet.marketplace.accounts;

public enum Region {
    AMER, EMEA, APAC, LATAM
}
