package com.fortinet.marketplace.points;

import java.time.LocalDate;
import java.time.Month;

/** Validity of a points pack: 3 years from registration, spendable while today is before the expiry date. */
public final class PackValidity {

    public static final int YEARS = 3;
    /** Packs expiring within this many days show as "expiring soon" and count in "expiring in 90 days". */
    public static final int SOON_DAYS = 90;

    private PackValidity() {
    }

    /**
     * registeredAt + 3 years. A pack registered on 29 February would land on the 28th (java.time clamps), cutting
     * the last day of its third year; it expires on 1 March instead so the customer gets the full three years.
     */
    public static LocalDate expiresAt(LocalDate registeredAt) {
        LocalDate clamped = registeredAt.plusYears(YEARS);
        if (registeredAt.getMonth() == Month.FEBRUARY && registeredAt.getDayOfMonth() == 29
                && clamped.getDayOfMonth() == 28) {
            return clamped.plusDays(1);
        }
        return clamped;
    }

    /** A pack expires ON its expiry date: the day before is its last spendable day. */
    public static boolean isSpendable(LocalDate expiresAt, LocalDate today) {
        return today.isBefore(expiresAt);
    }

    public static PackStatus status(long remaining, LocalDate expiresAt, LocalDate today) {
        if (!isSpendable(expiresAt, today)) {
            return PackStatus.EXPIRED;
        }
        if (remaining == 0) {
            return PackStatus.USED_UP;
        }
        if (expiresAt.isBefore(today.plusDays(SOON_DAYS + 1L))) {
            return PackStatus.EXPIRING_SOON;
        }
        return PackStatus.ACTIVE;
    }
}
