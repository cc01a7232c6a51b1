package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.time.BusinessClock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What one entitlement costs for one business day (DESIGN §4.4, seed 004): the points/day of the largest
 * configuration it had while it was ACTIVE that day, or nothing.
 * <ul>
 *   <li>A business day is a calendar day in America/Los_Angeles, [midnight, next midnight): 23 hours on the day
 *       daylight-saving time starts (2026-03-08), 25 hours on the day it ends (2026-11-01); still one day's charge.</li>
 *   <li>An entitlement is charged for a day when it was ACTIVE for any moment of it: the day it is stopped and the day
 *       it is reactivated are charged; a day stopped throughout is not; PENDING, STOPPED, EXPIRED and REMOVED time
 *       is never charged.</li>
 *   <li>The charge is the highest rate among the configurations in force while it was ACTIVE; a configuration set
 *       while it was stopped or pending costs nothing until it runs.</li>
 *   <li>An entitlement runs [start, end): from its end date's midnight on it is not charged, whether or not the
 *       expiry has been recorded yet, so the end date itself is never charged.</li>
 *   <li>A state holds from its change's instant up to the next change: a change at exactly midnight belongs to the
 *       day that midnight starts, and a state that lasts no time (two changes at one instant) costs nothing. So an
 *       entitlement stopped at exactly 00:00 is not charged for that day: it ran none of it.</li>
 * </ul>
 * The configuration type {@code C} identifies a configuration (its id). A configuration's own points/day can change
 * during the day too (parameters edited, the rate table repriced): {@link Rates#versions} reads its stored versions,
 * and only the rates in force while the entitlement was ACTIVE on that configuration count. Pure: no Spring, no
 * database. Inputs map one to one onto stored rows: entitlement events (instant, status/configuration/end date after)
 * become {@link Change}s, configuration versions (valid from, points/day) become {@link RateFrom}s.
 */
public final class DailyCharge {

    private DailyCharge() {
    }

    /** Entitlement statuses, as FortiFlex names them. */
    public enum Status { PENDING, ACTIVE, STOPPED, EXPIRED, REMOVED }

    /**
     * An entitlement's state: its status, the configuration in force and its end date ({@code null} when none is
     * set; an entitlement following its program carries the program's end date).
     */
    public record State<C>(Status status, C config, LocalDate endDate) {
        public State {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(config, "an entitlement always has a configuration");
        }

        public State(Status status, C config) {
            this(status, config, null);
        }
    }

    /** A status, configuration or end-date change of an entitlement at a UTC instant, with the state after it. */
    public record Change<C>(Instant at, State<C> after) {
        public Change {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * One entitlement's business day: its state when the day began ({@code null}: it did not exist yet) and the
     * changes during the day, in the order they happened.
     */
    public record EntitlementDay<C>(LocalDate day, State<C> startState, List<Change<C>> changes) {
        public EntitlementDay {
            Objects.requireNonNull(day, "day");
            changes = List.copyOf(changes);
            Instant start = startOf(day);
            Instant end = startOf(day.plusDays(1));
            Instant previous = start;
            for (Change<C> c : changes) {
                if (c.at().isBefore(start) || !c.at().isBefore(end)) {
                    throw new IllegalArgumentException("change at " + c.at() + " is not on business day " + day);
                }
                if (c.at().isBefore(previous)) {
                    throw new IllegalArgumentException("changes out of order at " + c.at());
                }
                previous = c.at();
            }
        }

        /**
         * The day cut out of an entitlement's whole history (every change, oldest first): the state at the day's
         * start is the one after the last change before it.
         */
        public static <C> EntitlementDay<C> of(LocalDate day, List<Change<C>> history) {
            Instant start = startOf(day);
            Instant end = startOf(day.plusDays(1));
            State<C> atStart = null;
            List<Change<C>> during = new ArrayList<>();
            for (Change<C> c : history) {
                if (c.at().isBefore(start)) {
                    atStart = c.after();
                } else if (c.at().isBefore(end)) {
                    during.add(c);
                }
            }
            return new EntitlementDay<>(day, atStart, during);
        }
    }

    /** A configuration's points/day from an instant on, until its next version's instant. */
    public record RateFrom(Instant validFrom, FlexPoints pointsPerDay) {
        public RateFrom {
            Objects.requireNonNull(validFrom, "validFrom");
            if (pointsPerDay == null || pointsPerDay.isNegative()) {
                throw new IllegalArgumentException("points/day is never negative: " + pointsPerDay);
            }
        }
    }

    /** The highest points/day a configuration had during [from, to). */
    @FunctionalInterface
    public interface Rates<C> {
        FlexPoints highest(C config, Instant from, Instant to);

        /** Rates that do not change. */
        static <C> Rates<C> fixed(Function<? super C, FlexPoints> rate) {
            return (config, from, to) -> rate.apply(config);
        }

        /** From each configuration's versions, oldest first; a configuration with no version in force is a bug. */
        static <C> Rates<C> versions(Function<? super C, List<RateFrom>> versions) {
            return (config, from, to) -> {
                List<RateFrom> all = versions.apply(config);
                FlexPoints highest = null;
                for (int i = 0; all != null && i < all.size(); i++) {
                    Instant validFrom = all.get(i).validFrom();
                    Instant validTo = i + 1 < all.size() ? all.get(i + 1).validFrom() : Instant.MAX;
                    if (i + 1 < all.size() && validTo.isBefore(validFrom)) {
                        throw new IllegalArgumentException("versions of configuration " + config + " out of order");
                    }
                    if (validFrom.isBefore(to) && validTo.isAfter(from)) {
                        FlexPoints p = all.get(i).pointsPerDay();
                        highest = highest == null ? p : FlexPoints.max(highest, p);
                    }
                }
                return highest;
            };
        }
    }

    /** The day's charge: the points and the configuration they were charged for, or {@link #none()}. */
    public record Charge<C>(FlexPoints points, C config) {
        public static <C> Charge<C> none() {
            return new Charge<>(FlexPoints.ZERO, null);
        }

        public boolean charged() {
            return config != null;
        }
    }

    /**
     * @param rate points per day of a configuration that never changes its rate (exact hundredths, never negative)
     */
    public static <C> Charge<C> of(EntitlementDay<C> day, Function<? super C, FlexPoints> rate) {
        return of(day, Rates.fixed(rate));
    }

    public static <C> Charge<C> of(EntitlementDay<C> day, Rates<C> rate) {
        Instant dayEnd = startOf(day.day().plusDays(1));
        Charge<C> best = Charge.none();
        State<C> state = day.startState();
        Instant from = startOf(day.day());
        for (Change<C> c : day.changes()) {
            best = larger(best, state, from, c.at(), rate);
            state = c.after();
            from = c.at();
        }
        return larger(best, state, from, dayEnd, rate);
    }

    /** The charge so far, or the state's if it was ACTIVE for some of [from, to) before its end date and costs more. */
    private static <C> Charge<C> larger(Charge<C> best, State<C> state, Instant from, Instant to, Rates<C> rate) {
        if (state == null || state.status() != Status.ACTIVE) {
            return best;
        }
        Instant until = state.endDate() == null || to.isBefore(startOf(state.endDate())) ? to : startOf(state.endDate());
        if (!from.isBefore(until)) {
            return best;
        }
        FlexPoints points = rate.highest(state.config(), from, until);
        if (points == null || points.isNegative()) {
            throw new IllegalArgumentException("no points/day for configuration " + state.config() + ": " + points);
        }
        // Ties keep the configuration that was in force first.
        return !best.charged() || points.compareTo(best.points()) > 0 ? new Charge<>(points, state.config()) : best;
    }

    /** Midnight of a business day, as an instant. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(BusinessClock.ZONE).toInstant();
    }
}
