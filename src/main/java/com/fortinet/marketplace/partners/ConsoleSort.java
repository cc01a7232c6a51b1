package com.fortinet.marketplace.partners;

import java.util.Locale;

/** Sortable columns of the partner console, mapped to SQL here so no request text reaches the query. */
public enum ConsoleSort {
    NAME("a.name"),
    BALANCE("balance"),
    EXPIRING("expiring90"),
    LAPSED("lapsed"),
    EXP30("e30"),
    EXP60("e60"),
    EXP90("e90"),
    LAST_ORDER("last_order");

    private final String column;

    ConsoleSort(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public static ConsoleSort parse(String s) {
        if (s == null || s.isBlank()) {
            return NAME;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return NAME;
        }
    }

    /** NAME reads best A→Z; every figure reads best largest first. */
    public boolean defaultDescending() {
        return this != NAME;
    }
}
