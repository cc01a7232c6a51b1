package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.web.InvalidInputException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether points may be transferred to a program, and how many. Pure: the page uses {@link #refusal} to explain,
 * before the user types anything, why an account can't transfer; the service calls the same rules.
 */
public final class TransferRules {

    /** DESIGN §4, word for word. */
    public static final String POSTPAID_REFUSAL = PrepaidCredit.TRANSFER.postpaidMessage();

    /** One transfer is at most this many FortiPoints (keeps rate × points far from overflow; no pack set is bigger). */
    public static final long MAX_POINTS = 1_000_000_000L;

    private TransferRules() {
    }

    /** Why no transfer can go to this account's program today, or empty when it can. */
    public static Optional<PrepaidCredit.Refusal> refusal(FlexProgram program, LocalDate today) {
        return PrepaidCredit.TRANSFER.refusal(program, today);
    }

    public static void requireTransferable(FlexProgram program, LocalDate today) {
        PrepaidCredit.TRANSFER.require(program, today);
    }

    /**
     * Reads an amount typed by a person: whole points, thousands separators (",", " ", "_") allowed. Anything else
     * is refused with a message for the "points" field.
     */
    public static long parsePoints(String raw) {
        String s = raw == null ? "" : raw.strip().replace(",", "").replace("_", "").replace(" ", "").replace("\u00a0", "");
        if (s.isEmpty()) {
            throw new InvalidInputException("points", "Enter how many FortiPoints to transfer.");
        }
        // ASCII digits only: BigDecimal would also read full-width digits (１２３) and exponents (1e3), which are not
        // how a whole number of points is written (issue 12 item 5).
        if (s.matches("-?[0-9]{0,40}\\.[0-9]{1,40}")) {
            throw new InvalidInputException("points", "Points are whole numbers: transfer a whole number of points.");
        }
        if (!s.matches("-?[0-9]{1,40}")) {
            throw new InvalidInputException("points", "Enter a whole number of points with the digits 0–9, e.g. 1000.");
        }
        return requireValid(new BigDecimal(s));
    }

    /** API amounts arrive as JSON numbers; 1.5 or 1e3 are checked here rather than silently truncated. */
    public static long requireValid(BigDecimal value) {
        if (value == null) {
            throw new InvalidInputException("points", "Enter how many FortiPoints to transfer.");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0) {
            throw new InvalidInputException("points", "Points are whole numbers: transfer a whole number of points.");
        }
        if (value.signum() <= 0) {
            throw new InvalidInputException("points", "Transfer at least 1 point.");
        }
        if (value.compareTo(BigDecimal.valueOf(MAX_POINTS)) > 0) {
            throw new InvalidInputException("points", "One transfer is at most " + String.format("%,d", MAX_POINTS) + " points.");
        }
        return value.longValueExact();
    }

    /**
     * FortiFlex points acquired for {@code fortiPoints} (whole) at {@code rate} FortiFlex points per FortiPoint (up to
     * two decimals): exact, since a whole number times hundredths is hundredths.
     */
    public static FlexPoints flexPoints(long fortiPoints, FlexPoints rate) {
        if (!rate.isPositive()) {
            throw new IllegalStateException("portal.flex.points-per-fortipoint must be more than 0 (at most two decimals)");
        }
        return rate.times(fortiPoints);
    }

    /** "1 FortiFlex point", "1.25 FortiFlex points" (per FortiPoint). */
    public static String rateText(FlexPoints rate) {
        return rateNumber(rate) + " FortiFlex point" + (rate.equals(FlexPoints.of(1)) ? "" : "s");
    }

    /** A rate as people write it: "1", "1.25" (a whole rate without decimals). */
    public static String rateNumber(FlexPoints rate) {
        return rate.hundredths() % 100 == 0 ? String.format("%,d", rate.hundredths() / 100) : rate.display();
    }

    /** The configured rate, read once at start-up: more than 0, at most two decimals. */
    public static FlexPoints rate(BigDecimal configured) {
        FlexPoints rate;
        try {
            rate = FlexPoints.of(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("portal.flex.points-per-fortipoint has at most two decimals: " + configured, e);
        }
        flexPoints(1, rate);
        return rate;
    }
}
