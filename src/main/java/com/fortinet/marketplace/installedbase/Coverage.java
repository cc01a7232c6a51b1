package com.fortinet.marketplace.installedbase;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A unit's current (latest) contract for one service. */
public record Coverage(long contractId, String contractNumber, String service, LocalDate startDate, LocalDate endDate,
                       CoverageStatus status) {

    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, endDate);
    }
}
