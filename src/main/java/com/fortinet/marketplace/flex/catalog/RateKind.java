package com.fortinet.marketplace.flex.catalog;

/** BASE: the size-and-package rate (one applies, the most specific); ADD: added for each option or unit that matches. */
public enum RateKind {
    BASE, ADD
}
