package com.fortinet.marketplace.flex;

import java.time.LocalDate;

/**
 * When a prepaid balance runs out at an average daily burn (DESIGN §4.4 program page, partner console). Pure.
 * The burn is the average of the last {@value #BURN_DAYS} finished business days, rounded down to the hundredth.
 */
public final class RunOut {

    public static final int BURN_DAYS = 7;

    private RunOut() {
    }

    /** Σ of the last 7 finished days / 7, rounded down to the hundredth. */
    public static FlexPoints burn(FlexPoints lastSevenDays) {
        return new FlexPoints(lastSevenDays.hundredths() / BURN_DAYS);
    }

    /**
     * Today when the balance is already ≤ 0; else the day after the whole days it still covers at {@code burn} a day;
     * null when nothing burns.
     */
    public static LocalDate date(FlexPoints balance, FlexPoints burn, LocalDate today) {
        if (!balance.isPositive()) {
            return today;
        }
        if (!burn.isPositive()) {
            return null;
        }
        return today.plusDays(balance.hundredths() / burn.hundredths());
    }
}
