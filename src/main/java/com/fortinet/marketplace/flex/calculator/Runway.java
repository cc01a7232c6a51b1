package com.fortinet.marketplace.flex.calculator;

import com.fortinet.marketplace.flex.FlexPoints;

import java.time.LocalDate;

/**
 * How long a prepaid balance lasts at a daily cost (pure). A day is charged in full (DESIGN §4.4), so the balance
 * covers {@code days} whole days — today and the {@code days - 1} after it — and runs out on {@code today + days}, the
 * first day it can't pay for in full. A balance at or below zero has already run out (today, 0 days); a daily cost of
 * zero never runs it out ({@code days} and {@code runOutDate} null).
 */
public record Runway(Long days, LocalDate runOutDate) {

    public static Runway of(FlexPoints balance, FlexPoints perDay, LocalDate today) {
        if (perDay.signum() < 0) {
            throw new IllegalArgumentException("A daily cost is never negative: " + perDay);
        }
        if (!balance.isPositive()) {
            return new Runway(0L, today);
        }
        if (perDay.isZero()) {
            return new Runway(null, null);
        }
        long days = balance.hundredths() / perDay.hundredths();
        return new Runway(days, today.plusDays(days));
    }

    public boolean never() {
        return days == null;
    }
}
