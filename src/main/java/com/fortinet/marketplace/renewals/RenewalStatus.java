package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.forticare.ContinuousServicePolicy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Where a due contract stands (DESIGN §5), as of the business date. Pure: a function of its end date, whether it has a
 * successor, and today.
 * <ul>
 *     <li>RENEWED: it has a successor contract (a backdated renewal counts: service is continuous);</li>
 *     <li>OPEN: no successor and its end is still ahead (coverage {@code [start, end)} runs until end);</li>
 *     <li>IN_GRACE: no successor, ended 0–10 days ago. The customer can still renew without a backdate, so it is
 *     neither renewed nor expired yet; it is left out of the rate until it settles either way;</li>
 *     <li>EXPIRED: no successor, ended more than 10 days ago.</li>
 * </ul>
 * The SQL in {@link RtsReports} classifies with the same boundaries ({@link #graceFrom}).
 */
public enum RenewalStatus {
    RENEWED("Renewed", "badge-ok"),
    IN_GRACE("In grace", "badge-warn"),
    EXPIRED("Expired", "badge-err"),
    OPEN("Not ended yet", "badge-info");

    private final String label;
    private final String badge;

    RenewalStatus(String label, String badge) {
        this.label = label;
        this.badge = badge;
    }

    public String label() {
        return label;
    }

    public String badge() {
        return badge;
    }

    public static RenewalStatus of(LocalDate end, boolean hasSuccessor, LocalDate today) {
        if (hasSuccessor) {
            return RENEWED;
        }
        if (end.isAfter(today)) {
            return OPEN;
        }
        return ChronoUnit.DAYS.between(end, today) <= ContinuousServicePolicy.GRACE_DAYS ? IN_GRACE : EXPIRED;
    }

    /** The earliest end date still in grace today: ends in [graceFrom, today] are IN_GRACE, earlier ones EXPIRED. */
    public static LocalDate graceFrom(LocalDate today) {
        return today.minusDays(ContinuousServicePolicy.GRACE_DAYS);
    }
}
