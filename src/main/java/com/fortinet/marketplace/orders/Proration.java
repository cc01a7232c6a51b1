package com.fortinet.marketplace.orders;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Whole points only: prorated amounts round up, so the customer never gets a fraction of a day for free. */
public final class Proration {

    static final int DAYS_PER_YEAR = 365;

    private Proration() {
    }

    /** ceil(annual × days / 365), exact (BigInteger: no overflow, no floating point). */
    public static long prorate(long annualPoints, long days) {
        if (annualPoints < 0 || days < 0) {
            throw new IllegalArgumentException("annual price and days must not be negative");
        }
        BigInteger[] qr = BigInteger.valueOf(annualPoints).multiply(BigInteger.valueOf(days))
                .divideAndRemainder(BigInteger.valueOf(DAYS_PER_YEAR));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    public static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
