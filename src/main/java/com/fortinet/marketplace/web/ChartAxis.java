package com.fortinet.marketplace.web;

/** The value axis of the portal's server-drawn SVG charts (points balance, FortiFlex usage, RTS trend). */
public final class ChartAxis {

    private ChartAxis() {
    }

    /** 1, 2, 5 × 10^n at or above the value, so axis labels are round numbers. */
    public static long niceCeiling(long v) {
        long p = 1;
        while (p * 10 <= v) {
            p *= 10;
        }
        for (long m : new long[]{1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
