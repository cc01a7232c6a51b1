package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An account's FortiFlex usage as pages and the API read it (DESIGN §4.4): days the daily job has written come from
 * flex_usage; days it has not written yet (today so far, or days before the job's next run) are computed on request
 * by the same rule over the same stored history and marked provisional. So "today so far" rises as soon as an
 * entitlement moves to a larger configuration, and a day's figure does not change when the job writes it (unless
 * something still changes later that day).
 */
@Service
public class FlexUsageService {

    /** The longest range one request may ask for (a program runs at most five years and some days). */
    static final long MAX_DAYS = 2_000;

    private final FlexPrograms programs;
    private final UsageDays days;
    private final UsageTimelines timelines;
    private final BusinessClock clock;

    FlexUsageService(FlexPrograms programs, UsageDays days, UsageTimelines timelines, BusinessClock clock) {
        this.programs = programs;
        this.days = days;
        this.timelines = timelines;
        this.clock = clock;
    }

    /**
     * Per entitlement and day, for the days of [from, to] (inclusive) the account's program ran; oldest day first.
     * Empty when the account has no program.
     */
    public List<UsageRow> usage(long accountId, LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "from" : "to", "Give a date as YYYY-MM-DD.");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "The end date " + to + " is before the start date " + from + ".");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException("to", "Ask for at most " + MAX_DAYS + " days at a time.");
        }
        Optional<FlexProgram> program = programs.findByAccount(accountId);
        if (program.isEmpty()) {
            return List.of();
        }
        FlexProgram p = program.get();
        LocalDate today = clock.today();
        LocalDate first = from.isBefore(p.startDate()) ? p.startDate() : from;
        LocalDate lastRun = today.isBefore(p.endDate()) ? today : p.endDate().minusDays(1);
        LocalDate last = to.isAfter(lastRun) ? lastRun : to;
        if (last.isBefore(first)) {
            return List.of();
        }
        LocalDate lastWritten = days.lastWritten(p.id()).orElse(p.startDate().minusDays(1));
        List<UsageRow> rows = new ArrayList<>();
        if (!lastWritten.isBefore(first)) {
            rows.addAll(days.written(p.id(), first, last.isBefore(lastWritten) ? last : lastWritten));
        }
        LocalDate provisionalFrom = lastWritten.isBefore(first) ? first : lastWritten.plusDays(1);
        if (!provisionalFrom.isAfter(last)) {
            // Everything up to now; a day still running is charged as it stands.
            UsageTimelines.Program history = timelines.load(p.id(), clock.now().plusNanos(1_000));
            for (LocalDate day = provisionalFrom; !day.isAfter(last); day = day.plusDays(1)) {
                for (UsageTimelines.Charged c : history.charges(day)) {
                    rows.add(new UsageRow(day, c.serialNumber(), c.entitlementId(), c.configId(), c.points(), true));
                }
            }
        }
        return rows;
    }

    /** Today's usage so far (provisional), per entitlement. */
    public List<UsageRow> today(long accountId) {
        LocalDate today = clock.today();
        return usage(accountId, today, today);
    }

    /** Σ of the rows. */
    public static FlexPoints total(List<UsageRow> rows) {
        return rows.stream().map(UsageRow::points).reduce(FlexPoints.ZERO, FlexPoints::plus);
    }

    /**
     * One total per entitlement serial number over [from, to] (FortiFlex API v2 {@code entitlements/points}), in
     * serial order; entitlements that cost nothing in the range are left out.
     */
    public Map<String, FlexPoints> pointsBySerial(long accountId, LocalDate from, LocalDate to) {
        Map<String, FlexPoints> out = new java.util.TreeMap<>();
        for (UsageRow r : usage(accountId, from, to)) {
            out.merge(r.serialNumber(), r.points(), FlexPoints::plus);
        }
        return out;
    }

    /** The program's total over [from, to] (FortiFlex API v2 {@code programs/points}). */
    public FlexPoints programPoints(long accountId, LocalDate from, LocalDate to) {
        return total(usage(accountId, from, to));
    }

    /** One total per day over [from, to], every day of the range present (zero when nothing ran). */
    public Map<LocalDate, FlexPoints> byDay(long accountId, LocalDate from, LocalDate to) {
        Map<LocalDate, FlexPoints> out = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.put(d, FlexPoints.ZERO);
        }
        for (UsageRow r : usage(accountId, from, to)) {
            out.merge(r.date(), r.points(), FlexPoints::plus);
        }
        return out;
    }
}
