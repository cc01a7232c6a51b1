package com.fortinet.marketplace.flex.v2;

import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.flex.usage.FlexUsageService;
import com.fortinet.marketplace.flex.usage.UsageRow;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * FortiFlex v2's points reports read from {@link FlexUsageService} (the daily job's rows, today's and not-yet-written
 * days provisional by the same rule); this only groups its rows the way FortiFlex answers them and names the request's
 * fields ({@code startDate}, {@code endDate}) in its messages.
 */
@Component
class V2Usage {

    private final FlexUsageService usage;

    V2Usage(FlexUsageService usage) {
        this.usage = usage;
    }

    /** A sum of points and whether any of it is provisional. */
    record Sum(FlexPoints points, boolean provisional) {
        static final Sum ZERO = new Sum(FlexPoints.ZERO, false);

        Sum plus(UsageRow r) {
            return new Sum(points.plus(r.points()), provisional || r.provisional());
        }
    }

    List<UsageRow> rows(long accountId, LocalDate from, LocalDate to) {
        try {
            return usage.usage(accountId, from, to);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("from".equals(e.field()) ? "startDate" : "endDate", e.getMessage());
        }
    }

    /** Per entitlement serial, in serial order, over the rows {@code which} keeps. */
    Map<String, Sum> bySerial(List<UsageRow> rows, Predicate<UsageRow> which) {
        Map<String, Sum> out = new TreeMap<>();
        rows.stream().filter(which).forEach(r -> out.merge(r.serialNumber(), Sum.ZERO.plus(r), (a, b) -> new Sum(
                a.points().plus(b.points()), a.provisional() || b.provisional())));
        return out;
    }

    /** Per day, every day of [from, to] the rows cover, oldest first. */
    Map<LocalDate, Sum> byDay(List<UsageRow> rows) {
        Map<LocalDate, Sum> out = new TreeMap<>();
        rows.forEach(r -> out.merge(r.date(), Sum.ZERO.plus(r), (a, b) -> new Sum(a.points().plus(b.points()),
                a.provisional() || b.provisional())));
        return out;
    }
}
