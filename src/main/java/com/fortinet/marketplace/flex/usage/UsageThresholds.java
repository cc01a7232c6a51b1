package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexPoints;

import java.util.ArrayList;
import java.util.List;

/**
 * Which consumption alerts a prepaid program year has reached (DESIGN §4.4): 80 %, 90 % and 100 % of the points
 * available that year (carried over + added). Exact: consumed × 100 ≥ threshold × available, in hundredths. A year with
 * nothing available (no points, or an overage carried in that the year's credits did not cover) has reached every
 * threshold as soon as anything is consumed; nothing consumed reaches nothing. Pure.
 */
public final class UsageThresholds {

    public static final List<Integer> THRESHOLDS = List.of(80, 90, 100);

    private UsageThresholds() {
    }

    public static List<Integer> reached(FlexPoints available, FlexPoints consumed) {
        List<Integer> out = new ArrayList<>();
        if (!consumed.isPositive()) {
            return out;
        }
        for (int t : THRESHOLDS) {
            if (!available.isPositive()
                    || Math.multiplyExact(consumed.hundredths(), 100L) >= Math.multiplyExact(available.hundredths(), (long) t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Whole percent consumed, rounded down (what the page and the e-mail say); 100 when nothing was available. */
    public static int percent(FlexPoints available, FlexPoints consumed) {
        if (!consumed.isPositive()) {
            return 0;
        }
        if (!available.isPositive()) {
            return 100;
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.multiplyExact(consumed.hundredths(), 100L) / available.hundredths());
    }
}
