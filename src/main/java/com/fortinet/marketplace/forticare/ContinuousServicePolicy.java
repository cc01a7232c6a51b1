package com.fortinet.marketplace.forticare;

import com.fortinet.marketplace.web.Formats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * FortiCare's Continuous Service Policy (DESIGN §3.1): a renewal continues the old contract; a lapse of up to
 * 10 days is forgiven; a longer lapse is backdated to the old end, but never more than 180 days.
 * Pure date arithmetic: no Spring, no database.
 */
public final class ContinuousServicePolicy {

    public static final int GRACE_DAYS = 10;
    public static final int MAX_BACKDATE_DAYS = 180;

    private ContinuousServicePolicy() {
    }

    /** How a renewal's start was decided; the preview explains each in plain words. */
    public enum Basis {
        /** No coverage ever: starts today. */
        NEW,
        /** Not lapsed: continues from the current end. */
        CONTINUES,
        /** Lapsed within the grace period: starts today, nothing backdated. */
        GRACE,
        /** Lapsed longer: backdated to the old end. */
        BACKDATED,
        /** Lapsed more than 180 days: backdated 180 days only. */
        BACKDATE_CAPPED
    }

    /**
     * @param currentEnd end of the current coverage {@code [start, end)} for the service, or null if never covered
     * @param today      the business date T
     */
    public static Start start(LocalDate currentEnd, LocalDate today) {
        if (currentEnd == null) {
            return new Start(today, Basis.NEW, 0);
        }
        long lapsed = ChronoUnit.DAYS.between(currentEnd, today);
        if (lapsed <= 0) {
            return new Start(currentEnd, Basis.CONTINUES, 0);
        }
        if (lapsed <= GRACE_DAYS) {
            return new Start(today, Basis.GRACE, lapsed);
        }
        LocalDate earliest = today.minusDays(MAX_BACKDATE_DAYS);
        if (currentEnd.isBefore(earliest)) {
            return new Start(earliest, Basis.BACKDATE_CAPPED, lapsed);
        }
        return new Start(currentEnd, Basis.BACKDATED, lapsed);
    }

    /** A renewal of {@code termMonths}: end = start + term (LocalDate.plusMonths: Jan 31 + 1 month = Feb 28/29). */
    public static Renewal renew(LocalDate currentEnd, LocalDate today, int termMonths) {
        Start s = start(currentEnd, today);
        return new Renewal(s, s.date().plusMonths(termMonths), today);
    }

    public record Start(LocalDate date, Basis basis, long lapsedDays) {
    }

    public record Renewal(Start start, LocalDate end, LocalDate today) {
        public LocalDate startDate() {
            return start.date();
        }

        public long backdatedDays() {
            return Math.max(0, ChronoUnit.DAYS.between(start.date(), today));
        }

        /** Days of coverage from today on: end − T. */
        public long forwardDays() {
            return ChronoUnit.DAYS.between(today, end);
        }
    }

    /** The plain-words line shown in the preview and kept on the order line. */
    public static String explain(Start s, LocalDate today) {
        long backdated = Math.max(0, ChronoUnit.DAYS.between(s.date(), today));
        return switch (s.basis()) {
            case NEW -> "no earlier coverage: starts today, " + today;
            case CONTINUES -> "continues the current contract from " + s.date() + ", nothing backdated";
            case GRACE -> "lapsed " + Formats.days(s.lapsedDays()) + " ago, within the " + GRACE_DAYS
                    + "-day grace period: starts today, nothing backdated";
            case BACKDATED -> "backdated " + Formats.days(backdated) + " to " + s.date()
                    + " under the Continuous Service Policy";
            case BACKDATE_CAPPED -> "lapsed " + Formats.days(s.lapsedDays()) + " ago: backdated " + Formats.days(backdated) + " to "
                    + s.date() + ", the most the Continuous Service Policy allows";
        };
    }
}
