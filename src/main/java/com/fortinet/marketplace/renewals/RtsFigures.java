package com.fortinet.marketplace.renewals;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The RTS figures of one period (DESIGN §5). Counts are contracts; amounts are points (= USD).
 * <p>
 * {@code renewed} and {@code renewedAmount} follow the channel filter; {@code renewedAnyChannel} does not. Due, in
 * grace and expired contracts have no channel (nothing was bought), so they are the same whatever the channel. The
 * rate's denominator is always every settled contract (renewed through any channel + expired): the per-channel rates
 * then add up to the overall rate, which is how the channel split is explained.
 */
public record RtsFigures(long due, long renewed, long renewedAmount, long renewedAnyChannel,
                         long renewedByPoints, long renewedByPointsAmount, long renewedByPo, long renewedByPoAmount,
                         long expired, long expiredAmount, long inGrace, long open) {

    public static final String NO_RATE = "—";

    public static RtsFigures empty() {
        return new RtsFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Renewed (any channel) + expired: the contracts whose outcome is settled. */
    public long settled() {
        return renewedAnyChannel + expired;
    }

    /** renewed / (renewed + expired), 0..1 rounded to 4 places; null when nothing has settled (no division by 0). */
    public BigDecimal rate() {
        if (settled() == 0) {
            return null;
        }
        return BigDecimal.valueOf(renewed).divide(BigDecimal.valueOf(settled()), 4, RoundingMode.HALF_UP);
    }

    /** "62.5 %" or "—". */
    public String rateText() {
        BigDecimal r = rate();
        if (r == null) {
            return NO_RATE;
        }
        return r.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /** For the chart: percent 0..100, or null. */
    public Double ratePercent() {
        BigDecimal r = rate();
        return r == null ? null : r.doubleValue() * 100;
    }

    /** Renewals bought otherwise (migrated contracts linked as renewals), for the channel split to add up. */
    public long renewedOther() {
        return renewedAnyChannel - renewedByPoints - renewedByPo;
    }
}
