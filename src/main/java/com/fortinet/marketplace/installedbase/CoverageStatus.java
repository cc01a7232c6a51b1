package com.fortinet.marketplace.installedbase;

import com.fortinet.marketplace.forticare.ContinuousServicePolicy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Where a service's coverage [start, end) stands today. Pure: a function of the end date and the business date. */
public enum CoverageStatus {
    ACTIVE("Active", "badge-ok"),
    EXPIRING("Expiring", "badge-warn"),
    IN_GRACE("In grace", "badge-warn"),
    LAPSED("Lapsed", "badge-err"),
    UPGRADED("Upgraded", "badge-muted");

    /** Coverage ending within this many days counts as expiring. */
    public static final int EXPIRING_DAYS = 30;

    private final String label;
    private final String badge;

    CoverageStatus(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    public String label() {
        return label;
    }

    public String badge() {
        return badge;
    }

    public static CoverageStatus of(LocalDate end, LocalDate today) {
        long left = ChronoUnit.DAYS.between(today, end);
        if (left > EXPIRING_DAYS) {
            return ACTIVE;
        }
        if (left > 0) {
            return EXPIRING;
        }
        return -left <= ContinuousServicePolicy.GRACE_DAYS ? IN_GRACE : LAPSED;
    }
}
