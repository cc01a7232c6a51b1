package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.web.ChartAxis;
import com.fortinet.marketplace.flex.FlexPoints;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Geometry of the program page's daily usage chart, drawn as SVG by the template (no chart library, no script, like
 * the points balance chart): one bar per business day, today's (provisional) drawn apart, and the 7-day average burn
 * as a dashed line.
 */
public record UsageChart(int width, int height, List<Bar> bars, List<Tick> yTicks, List<Tick> xTicks, Double burnY,
                         String burnLabel, boolean empty) {

    public record Bar(double x, double y, double w, double h, String label, boolean provisional) {
    }

    public record Tick(double pos, String label) {
    }

    static final int W = 860, H = 220, LEFT = 64, RIGHT = 16, TOP = 14, BOTTOM = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    /** {@code days}: every day of the window in order with its total; {@code today} is provisional. */
    public static UsageChart of(Map<LocalDate, FlexPoints> days, LocalDate today, FlexPoints burn) {
        long maxHundredths = days.values().stream().mapToLong(FlexPoints::hundredths).max().orElse(0);
        maxHundredths = Math.max(maxHundredths, burn.hundredths());
        long top = ChartAxis.niceCeiling(Math.max(1, (maxHundredths + 99) / 100)) * 100; // whole points on the axis
        int n = Math.max(1, days.size());
        double slot = (double) (W - LEFT - RIGHT) / n;
        double plotH = H - TOP - BOTTOM;
        List<Bar> bars = new ArrayList<>();
        List<Tick> xTicks = new ArrayList<>();
        int i = 0;
        for (Map.Entry<LocalDate, FlexPoints> d : days.entrySet()) {
            double h = plotH * d.getValue().hundredths() / top;
            double x = LEFT + i * slot;
            boolean provisional = d.getKey().equals(today);
            bars.add(new Bar(round(x + slot * 0.15), round(TOP + plotH - h), round(slot * 0.7), round(h),
                    d.getKey() + ": " + d.getValue().display() + " points" + (provisional ? " so far today (provisional)" : ""),
                    provisional));
            if (i % 7 == 0) {
                xTicks.add(new Tick(round(x + slot / 2), DAY.format(d.getKey())));
            }
            i++;
        }
        List<Tick> yTicks = List.of(new Tick(TOP + plotH, "0"), new Tick(TOP + plotH / 2, whole(top / 2)),
                new Tick(TOP, whole(top)));
        Double burnY = burn.isPositive() ? round(TOP + plotH - plotH * burn.hundredths() / top) : null;
        boolean empty = days.values().stream().noneMatch(FlexPoints::isPositive);
        return new UsageChart(W, H, bars, yTicks, xTicks, burnY, "7-day average: " + burn.display() + " points a day", empty);
    }

    public int plotLeft() {
        return LEFT;
    }

    public int plotRight() {
        return W - RIGHT;
    }


    private static String whole(long hundredths) {
        return new FlexPoints(hundredths).toBigDecimal().setScale(0, RoundingMode.DOWN).toPlainString()
                .replaceAll("(\\d)(?=(\\d{3})+$)", "$1,");
    }

    private static double round(double d) {
        return BigDecimal.valueOf(d).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
