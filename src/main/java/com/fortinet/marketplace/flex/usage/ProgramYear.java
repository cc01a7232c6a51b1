package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexPoints;

import java.time.LocalDate;

/**
 * A prepaid program's current year [start, nextAnniversary): the points available in it (carried over at its start,
 * which may be negative after an overage, plus everything added since) and those consumed (written usage days).
 */
public record ProgramYear(LocalDate start, LocalDate nextAnniversary, FlexPoints carriedOver, FlexPoints added,
                          FlexPoints consumed) {

    public FlexPoints available() {
        return carriedOver.plus(added);
    }

    public int percentConsumed() {
        return UsageThresholds.percent(available(), consumed);
    }
}
