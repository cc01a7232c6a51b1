package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexPoints;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Usage rows summed per day, per entitlement or per configuration (API {@code by=}, page tables, CSV). Pure. */
public final class UsageBreakdown {

    private UsageBreakdown() {
    }

    /** One line of a breakdown: the key (a date, a serial number or a configuration id), the points, provisional? */
    public record Line(LocalDate date, String serialNumber, Long configId, FlexPoints points, boolean provisional) {
    }

    public enum By { DAY, ENTITLEMENT, CONFIG }

    /** Sums by the key; days oldest first, entitlements and configurations most points first. */
    public static List<Line> of(List<UsageRow> rows, By by) {
        Map<Object, Line> sums = by == By.DAY ? new TreeMap<>() : new LinkedHashMap<>();
        for (UsageRow r : rows) {
            Object key = switch (by) {
                case DAY -> r.date();
                case ENTITLEMENT -> r.serialNumber();
                case CONFIG -> r.configId();
            };
            Line add = switch (by) {
                case DAY -> new Line(r.date(), null, null, r.points(), r.provisional());
                case ENTITLEMENT -> new Line(null, r.serialNumber(), null, r.points(), r.provisional());
                case CONFIG -> new Line(null, null, r.configId(), r.points(), r.provisional());
            };
            sums.merge(key, add, (a, b) -> new Line(a.date(), a.serialNumber(), a.configId(), a.points().plus(b.points()),
                    a.provisional() || b.provisional()));
        }
        List<Line> out = new ArrayList<>(sums.values());
        if (by != By.DAY) {
            out.sort(Comparator.comparing(Line::points).reversed()
                    .thenComparing(l -> l.serialNumber() == null ? "" : l.serialNumber())
                    .thenComparing(l -> l.configId() == null ? 0L : l.configId()));
        }
        return out;
    }
}
