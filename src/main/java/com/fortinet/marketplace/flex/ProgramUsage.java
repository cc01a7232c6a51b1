package com.fortinet.marketplace.flex;

import java.time.LocalDate;

/**
 * A program's consumption figures, supplied by the daily-usage feature built on flex (flex.usage), so
 * {@code GET …/flex-program} can show them without flex depending on it.
 */
public interface ProgramUsage {

    /**
     * @param yearAvailable    points available this program year (carried over + added); null for postpaid
     * @param yearConsumed     points consumed this program year, written days
     * @param averageDailyBurn Σ of the last 7 finished days / 7, rounded down to the hundredth
     * @param runOutDate       the day the balance runs out at that burn (today when it is ≤ 0); null for postpaid or
     *                         when nothing burns
     * @param todaySoFar       today's usage so far (provisional)
     */
    record Figures(FlexPoints yearAvailable, FlexPoints yearConsumed, FlexPoints averageDailyBurn, LocalDate runOutDate,
                   FlexPoints todaySoFar) {
    }

    Figures of(FlexProgram program);
}
