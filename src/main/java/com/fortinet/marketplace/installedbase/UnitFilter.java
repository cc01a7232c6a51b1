package com.fortinet.marketplace.installedbase;

/** Filters of the units list and the marketplace picker; blank means "any". */
public record UnitFilter(String family, String model, ExpiryWindow window, String serial) {

    public static UnitFilter none() {
        return new UnitFilter(null, null, null, null);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public UnitFilter normalized() {
        return new UnitFilter(blankToNull(family), blankToNull(model), window, blankToNull(serial));
    }
}
