package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.forticare.ContinuousServicePolicy;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Co-term (DESIGN §3.2): a line starts by the Continuous Service Policy and runs to the common date D, priced
 * ceil(annual × days(start, D) / 365). A line already covered to D or beyond is left out of the order (it has nothing to
 * buy), which is not a refusal: the order goes ahead with the other lines.
 */
public final class CoTerm {

    public static final int MAX_YEARS = 5;

    private CoTerm() {
    }

    public record Line(ContinuousServicePolicy.Start start, LocalDate end, long days, long points) {
    }

    /** Why the line is left out of the order (already covered to D or beyond), if it is; else empty. */
    public static Optional<String> leftOut(LocalDate currentEnd, LocalDate target) {
        if (currentEnd != null && target != null && !currentEnd.isBefore(target)) {
            return Optional.of("Left out: already covered until " + currentEnd + ", on or after the co-term date "
                    + target + ", so there is nothing to buy for this line.");
        }
        return Optional.empty();
    }

    /** Refusal message, if D is not allowed for this line; else empty. Check {@link #leftOut} first. */
    public static Optional<String> refusal(LocalDate currentEnd, LocalDate today, LocalDate target) {
        if (target == null) {
            return Optional.of("Choose the co-term end date.");
        }
        if (!target.isAfter(today)) {
            return Optional.of("The co-term end date must be after today (" + today + ").");
        }
        LocalDate start = ContinuousServicePolicy.start(currentEnd, today).date();
        LocalDate latest = start.plusYears(MAX_YEARS);
        if (target.isAfter(latest)) {
            return Optional.of("The co-term end date can be at most " + MAX_YEARS + " years after the line's start "
                    + start + " (so at the latest " + latest + ").");
        }
        return Optional.empty();
    }

    /** Prices a line; call {@link #leftOut} and {@link #refusal} first. */
    public static Line price(LocalDate currentEnd, LocalDate today, LocalDate target, long annualPoints) {
        leftOut(currentEnd, target).or(() -> refusal(currentEnd, today, target)).ifPresent(r -> {
            throw new IllegalArgumentException(r);
        });
        ContinuousServicePolicy.Start start = ContinuousServicePolicy.start(currentEnd, today);
        long days = Proration.days(start.date(), target);
        return new Line(start, target, days, Proration.prorate(annualPoints, days));
    }

    /** Default D: the latest current end among the lines, if that is after today. */
    public static Optional<LocalDate> defaultTarget(Iterable<LocalDate> currentEnds, LocalDate today) {
        LocalDate latest = null;
        for (LocalDate e : currentEnds) {
            if (e != null && (latest == null || e.isAfter(latest))) {
                latest = e;
            }
        }
        return latest != null && latest.isAfter(today) ? Optional.of(latest) : Optional.empty();
    }
}
