package com.fortinet.marketplace.orders;

import java.time.LocalDate;
import java.util.Optional;

/**
 * DESIGN §3.4: coverage never passes a unit's End-of-Support date. A contract runs [start, end), so a line may end on
 * the End-of-Support date itself but not after it.
 */
public final class EndOfSupport {

    private EndOfSupport() {
    }

    /** Why a line ending on {@code end} can't be sold for a unit supported until {@code endOfSupport}; else empty. */
    public static Optional<String> refusal(LocalDate end, LocalDate endOfSupport) {
        if (end == null || endOfSupport == null || !end.isAfter(endOfSupport)) {
            return Optional.empty();
        }
        return Optional.of("This unit's End-of-Support date is " + endOfSupport + ": coverage can't pass it, and this line "
                + "would end on " + end + ". Co-term to a date on or before " + endOfSupport + " instead.");
    }
}
