package com.fortinet.marketplace.renewals;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Geometry of the monthly trend chart, drawn as SVG by the template (no script, no inline style: CSP). Per month a
 * green bar (renewed amount) and a red bar (expired amount) on the left axis, and the renewal rate as a line on
 * the right axis (0–100 %). Months without settled contracts have no rate point, so the line breaks there. Pure.
 */
public record TrendChart(int width, int height, List<Bar> bars, List<Tick> amountTicks, List<Tick> rateTicks,
                         List<List<Dot>> rateLines, List<Dot> rateDots, int plotLeft, int plotRight, int plotTop,
                         int plotBottom) {

    public static final int WIDTH = 840;
    public static final int HEIGHT = 280;
    static final int LEFT = 70;
    static final int RIGHT = 50;
    static final int TOP = 16;
    static final int BOTTOM = 40;

    public record Bar(String month, String label, double x, double width, double renewedY, double renewedHeight,
                      double expiredX, double expiredY, double expiredHeight, String title, double labelX) {
    }

    public record Tick(double y, String label) {
    }

    public record Dot(double x, double y, String title) {
    }

    public static TrendChart of(Map<YearMonth, RtsFigures> months) {
        int plotLeft = LEFT;
        int plotRight = WIDTH - RIGHT;
        int plotTop = TOP;
        int plotBottom = HEIGHT - BOTTOM;
        double plotHeight = plotBottom - plotTop;
        long max = months.values().stream()
                .mapToLong(f -> Math.max(f.renewedAmount(), f.expiredAmount())).max().orElse(0);
        long top = niceCeiling(max);
        int n = Math.max(1, months.size());
        double slot = (plotRight - plotLeft) / (double) n;
        double barWidth = Math.max(2, slot * 0.32);
        List<Bar> bars = new ArrayList<>();
        List<List<Dot>> lines = new ArrayList<>();
        List<Dot> current = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        int i = 0;
        for (Map.Entry<YearMonth, RtsFigures> e : months.entrySet()) {
            YearMonth m = e.getKey();
            RtsFigures f = e.getValue();
            double center = plotLeft + slot * i + slot / 2;
            double rh = plotHeight * f.renewedAmount() / top;
            double eh = plotHeight * f.expiredAmount() / top;
            String label = m.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                    + (m.getMonthValue() == 1 || i == 0 ? " " + m.getYear() : "");
            String title = m + ": due " + f.due() + ", renewed " + f.renewed() + " (" + f.renewedAmount()
                    + " points), expired " + f.expired() + " (" + f.expiredAmount() + " points), in grace "
                    + f.inGrace() + ", rate " + f.rateText();
            bars.add(new Bar(m.toString(), label, round(center - barWidth - 1), round(barWidth),
                    round(plotBottom - rh), round(rh), round(center + 1), round(plotBottom - eh), round(eh), title,
                    round(center)));
            Double rate = f.ratePercent();
            if (rate == null) {
                if (!current.isEmpty()) {
                    lines.add(current);
                    current = new ArrayList<>();
                }
            } else {
                Dot d = new Dot(round(center), round(plotBottom - plotHeight * rate / 100), m + ": rate " + f.rateText());
                current.add(d);
                dots.add(d);
            }
            i++;
        }
        if (!current.isEmpty()) {
            lines.add(current);
        }
        List<Tick> amountTicks = new ArrayList<>();
        List<Tick> rateTicks = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            double y = round(plotBottom - plotHeight * k / 4);
            amountTicks.add(new Tick(y, compact(top * k / 4)));
            rateTicks.add(new Tick(y, (25 * k) + " %"));
        }
        return new TrendChart(WIDTH, HEIGHT, bars, amountTicks, rateTicks, lines, dots, plotLeft, plotRight, plotTop,
                plotBottom);
    }

    public String polyline(List<Dot> line) {
        return points(line);
    }

    /** "x1,y1 x2,y2 …" for an SVG polyline. */
    public static String points(List<Dot> line) {
        StringBuilder b = new StringBuilder();
        for (Dot d : line) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(d.x()).append(',').append(d.y());
        }
        return b.toString();
    }

    /** The smallest 1, 2 or 5 × 10^k at or above {@code max} (at least 100), so the axis reads in round numbers. */
    static long niceCeiling(long max) {
        long step = 1;
        while (true) {
            for (long f : new long[]{1, 2, 5}) {
                long v = f * step;
                if (v >= Math.max(max, 100)) {
                    return v;
                }
            }
            step *= 10;
        }
    }

    /** 1500 → "1.5k", 2000000 → "2M". */
    static String compact(long v) {
        if (v >= 1_000_000) {
            return trim(v / 1_000_000.0) + "M";
        }
        if (v >= 1_000) {
            return trim(v / 1_000.0) + "k";
        }
        return Long.toString(v);
    }

    /** 1.25 → "1.25", 2.5 → "2.5", 2.0 → "2": quarter ticks of 1, 2 or 5 × 10^k read exactly. */
    private static String trim(double d) {
        String s = String.format(Locale.ROOT, "%.2f", d);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
