package com.fortinet.marketplace.flex;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An exact amount of FortiFlex points: a whole number of hundredths (DESIGN §4.1: a FortiGate-VM day costs e.g.
 * 6.39 points). Stored as DECIMAL(19,2), which holds every long of hundredths; no floating point anywhere. JSON
 * writes it as a number with two decimals (1200.00).
 */
public record FlexPoints(long hundredths) implements Comparable<FlexPoints> {

    public static final FlexPoints ZERO = new FlexPoints(0);

    /** Whole points. */
    public static FlexPoints of(long points) {
        return new FlexPoints(Math.multiplyExact(points, 100L));
    }

    /** Exact: a value with more than two decimals is refused rather than rounded. */
    public static FlexPoints of(BigDecimal points) {
        if (points == null) {
            throw new IllegalArgumentException("FortiFlex points are never null");
        }
        try {
            return new FlexPoints(points.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("FortiFlex points carry at most two decimals and fit 17 digits: " + points, e);
        }
    }

    /** e.g. "6.39"; for demo data and tests. */
    public static FlexPoints parse(String points) {
        return of(new BigDecimal(points.strip().replace(",", "")));
    }

    /** Reads a DECIMAL(…,2) column or sum; SQL NULL (an empty sum) is zero. */
    public static FlexPoints ofNullable(BigDecimal points) {
        return points == null ? ZERO : of(points);
    }

    /** Reads what {@link #toBigDecimal()} writes (results stored by idempotency.Idempotency are read back). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static FlexPoints fromJson(BigDecimal points) {
        return of(points);
    }

    @JsonValue
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(hundredths, 2);
    }

    public FlexPoints plus(FlexPoints other) {
        return new FlexPoints(Math.addExact(hundredths, other.hundredths));
    }

    public FlexPoints minus(FlexPoints other) {
        return new FlexPoints(Math.subtractExact(hundredths, other.hundredths));
    }

    public FlexPoints negate() {
        return new FlexPoints(Math.negateExact(hundredths));
    }

    public FlexPoints times(long factor) {
        return new FlexPoints(Math.multiplyExact(hundredths, factor));
    }

    /** Half, to the hundredth, rounded down (roll-over of points added before day 180). */
    public FlexPoints halfRoundedDown() {
        if (hundredths < 0) {
            throw new IllegalStateException("only a positive amount is halved");
        }
        return new FlexPoints(hundredths / 2);
    }

    public static FlexPoints min(FlexPoints a, FlexPoints b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static FlexPoints max(FlexPoints a, FlexPoints b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public int signum() {
        return Long.signum(hundredths);
    }

    public boolean isZero() {
        return hundredths == 0;
    }

    public boolean isPositive() {
        return hundredths > 0;
    }

    public boolean isNegative() {
        return hundredths < 0;
    }

    @Override
    public int compareTo(FlexPoints o) {
        return Long.compare(hundredths, o.hundredths);
    }

    /** As people read it: thousands separators and always two decimals, e.g. "12,345.60", "-6.39". */
    public String display() {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return f.format(toBigDecimal());
    }

    /** A ledger change: "+5,000.00", "-6.39", "0.00". */
    public String signed() {
        return hundredths > 0 ? "+" + display() : display();
    }

    /** Plain decimal for CSV and form values, e.g. "12345.60". */
    @Override
    public String toString() {
        return toBigDecimal().toPlainString();
    }
}
