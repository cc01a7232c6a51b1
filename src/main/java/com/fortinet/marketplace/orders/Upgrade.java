package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.forticare.ServiceLadder;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Upgrade (DESIGN §3.3): an active service S (end E after today) moves to a higher tier S' for the remaining days:
 * ceil((annual(S') − annual(S)) × days(T, E) / 365). The new contract runs [T, E); the old one ends at T.
 */
public final class Upgrade {

    private Upgrade() {
    }

    /**
     * The first reason the upgrade can't be made, in the order a customer needs to hear them: a lapsed service is the
     * real reason even when no target tier was chosen (renewing is what to do).
     */
    public static Optional<String> refusal(String from, String to, LocalDate currentEnd, LocalDate today) {
        if (currentEnd != null && !currentEnd.isAfter(today) && ServiceLadder.rank(from).isPresent()) {
            return Optional.of(from + " lapsed on " + currentEnd + ": a lapsed service must be renewed, not upgraded.");
        }
        if (to == null || to.isBlank()) {
            return Optional.of(ServiceLadder.rank(from).isPresent() && ServiceLadder.above(from).isEmpty()
                    ? from + " is already the highest tier (" + String.join(" < ", ServiceLadder.FORTIGATE)
                    + "): there is nothing to upgrade it to."
                    : "Choose the service to upgrade to.");
        }
        if (!ServiceLadder.isUpgrade(from, to)) {
            return Optional.of(ServiceLadder.rank(from).isEmpty()
                    ? from + " can't be upgraded: upgrades move along " + String.join(" < ", ServiceLadder.FORTIGATE) + "."
                    : to + " is not a higher tier than " + from + " (tiers: " + String.join(" < ", ServiceLadder.FORTIGATE) + ").");
        }
        if (currentEnd == null) {
            return Optional.of("No " + from + " contract to upgrade: buy " + to + " as a renewal instead.");
        }
        if (!currentEnd.isAfter(today)) {
            return Optional.of(from + " lapsed on " + currentEnd + ": a lapsed service must be renewed, not upgraded.");
        }
        return Optional.empty();
    }

    public static long cost(long annualFrom, long annualTo, LocalDate today, LocalDate currentEnd) {
        long difference = Math.max(0, annualTo - annualFrom);
        return Proration.prorate(difference, Math.max(0, Proration.days(today, currentEnd)));
    }
}
