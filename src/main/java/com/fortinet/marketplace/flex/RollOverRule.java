package com.fortinet.marketplace.flex;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What happens to a prepaid program's unused FortiFlex points at an anniversary (FortiFlex roll-over rule):
 * <ul>
 *   <li>unused points added before day 180 of the closing program year roll over at half;</li>
 *   <li>unused points added on day 180 or later roll over in full;</li>
 *   <li>the rest is forfeited.</li>
 * </ul>
 * Decisions the rule leaves open, made here:
 * <ul>
 *   <li><b>Day numbering</b>: the anniversary (first day of the program year) is day 1, so day 180 is
 *       yearStart + 179 days.</li>
 *   <li><b>Which points were used</b>: consumption takes the oldest added points first (FIFO by the day they were
 *       added, then in the order they were added). Points carried over from the previous year count as added on
 *       day 1, so they are consumed first and, if still unused, halve again. FIFO is also the customer-friendly
 *       reading: the points that would be halved are the ones used up first.</li>
 *   <li><b>Rounding</b>: FortiFlex points are exact hundredths; the half of the unused points added before day 180
 *       is taken once over their total, to the hundredth, rounded down, so an odd hundredth is forfeited.</li>
 *   <li><b>Overage</b> (DESIGN §4.4: usage may take a prepaid balance below zero): a negative opening balance is a
 *       debt the year's credits pay first, like consumption; consumption beyond the points held leaves nothing unused,
 *       and the balance stays negative into the next year (nothing is forfeited, nothing forgiven).</li>
 * </ul>
 */
public final class RollOverRule {

    public static final int FULL_ROLL_OVER_FROM_DAY = 180;

    private RollOverRule() {
    }

    /** Points added to the program on a day (a transfer in). */
    public record Credit(LocalDate addedOn, FlexPoints points) {
    }

    public record Result(FlexPoints unusedAddedBeforeDay180, FlexPoints unusedAddedFromDay180, FlexPoints rolledOver,
                         FlexPoints forfeited) {
        public FlexPoints unused() {
            return unusedAddedBeforeDay180.plus(unusedAddedFromDay180);
        }
    }

    /**
     * @param yearStart first day of the closing program year
     * @param opening   points held at the start of that year (carried over), treated as added on day 1
     * @param credits   points added during the year, in the order they were added
     * @param consumed  points used during the year (daily consumption)
     */
    public static Result atAnniversary(LocalDate yearStart, FlexPoints opening, List<Credit> credits, FlexPoints consumed) {
        if (consumed.isNegative()) {
            throw new IllegalArgumentException("consumed is never negative");
        }
        if (opening.isNegative()) { // overage carried in: paid from the year's credits first
            consumed = consumed.plus(opening.negate());
            opening = FlexPoints.ZERO;
        }
        List<Credit> buckets = new ArrayList<>();
        if (opening.isPositive()) {
            buckets.add(new Credit(yearStart, opening));
        }
        credits.stream()
                .peek(c -> {
                    if (c.points().isNegative() || c.addedOn().isBefore(yearStart)) {
                        throw new IllegalArgumentException("credit outside the program year: " + c);
                    }
                })
                .sorted(Comparator.comparing(Credit::addedOn)) // stable: same-day credits keep their order
                .forEach(buckets::add);

        FlexPoints toConsume = consumed;
        FlexPoints before = FlexPoints.ZERO;
        FlexPoints from = FlexPoints.ZERO;
        for (Credit c : buckets) {
            FlexPoints used = FlexPoints.min(toConsume, c.points());
            toConsume = toConsume.minus(used);
            FlexPoints unused = c.points().minus(used);
            if (dayOf(yearStart, c.addedOn()) < FULL_ROLL_OVER_FROM_DAY) {
                before = before.plus(unused);
            } else {
                from = from.plus(unused);
            }
        }
        // toConsume > 0: overage; every bucket is used up and the debt stays on the balance.
        FlexPoints rolled = before.halfRoundedDown().plus(from);
        return new Result(before, from, rolled, before.plus(from).minus(rolled));
    }

    static long dayOf(LocalDate yearStart, LocalDate date) {
        return ChronoUnit.DAYS.between(yearStart, date) + 1;
    }
}
