package com.fortinet.marketplace.flex.catalog;

/** FortiFlex's parameter kinds: a whole number in a range, one value of a list, or any set of a list's values. */
public enum ParameterType {
    NUMERIC, SINGLEVALUE, MULTIVALUE
}
