package com.fortinet.marketplace.points;

import com.fortinet.marketplace.web.ChartAxis;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Geometry of the dashboard's balance chart, drawn as SVG by the template (no chart library, no script): the balance
 * as a step line over the past year and, dashed, how it falls as packs expire in the coming year if nothing is spent.
 */
public record BalanceChart(int width, int height, String pastLine, String futureLine, double todayX,
                           List<Marker> expiries, List<Tick> yTicks, List<Tick> xTicks, boolean empty) {

    public record Point(LocalDate date, long balance) {
    }

    public record Expiry(LocalDate date, long points, String sku) {
    }

    public record Marker(double x, double y, String label) {
    }

    public record Tick(double pos, String label) {
    }

    static final int W = 860, H = 240, LEFT = 64, RIGHT = 16, TOP = 14, BOTTOM = 30;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.US);

    /**
     * @param startBalance balance at the start of the window
     * @param points       balance after each ledger row in the window, oldest first
     * @param expiries     packs with points left that expire after today, soonest first
     */
    public static BalanceChart of(LocalDate today, LocalDate from, long startBalance, List<Point> points, List<Expiry> expiries) {
        LocalDate to = today.plusDays(365);
        long max = Math.max(startBalance, points.stream().mapToLong(Point::balance).max().orElse(0));
        max = ChartAxis.niceCeiling(Math.max(max, 1));
        double days = ChronoUnit.DAYS.between(from, to);
        final long top = max;
        java.util.function.ToDoubleFunction<LocalDate> x = d -> LEFT + (W - LEFT - RIGHT) * (ChronoUnit.DAYS.between(from, d) / days);
        java.util.function.LongToDoubleFunction y = b -> TOP + (H - TOP - BOTTOM) * (1 - (double) b / top);

        StringBuilder past = new StringBuilder();
        long current = startBalance;
        past.append(fmt(x.applyAsDouble(from))).append(',').append(fmt(y.applyAsDouble(current)));
        for (Point p : points) {
            double px = x.applyAsDouble(p.date());
            past.append(' ').append(fmt(px)).append(',').append(fmt(y.applyAsDouble(current)));
            past.append(' ').append(fmt(px)).append(',').append(fmt(y.applyAsDouble(p.balance())));
            current = p.balance();
        }
        double todayX = x.applyAsDouble(today);
        past.append(' ').append(fmt(todayX)).append(',').append(fmt(y.applyAsDouble(current)));

        StringBuilder future = new StringBuilder();
        future.append(fmt(todayX)).append(',').append(fmt(y.applyAsDouble(current)));
        List<Marker> markers = new ArrayList<>();
        long projected = current;
        for (Expiry e : expiries) {
            if (e.date().isAfter(to)) {
                break;
            }
            double ex = x.applyAsDouble(e.date());
            future.append(' ').append(fmt(ex)).append(',').append(fmt(y.applyAsDouble(projected)));
            projected = Math.max(0, projected - e.points());
            future.append(' ').append(fmt(ex)).append(',').append(fmt(y.applyAsDouble(projected)));
            markers.add(new Marker(ex, y.applyAsDouble(projected), e.sku() + ": " + number(e.points()) + " points expire on " + e.date()));
        }
        future.append(' ').append(fmt(x.applyAsDouble(to))).append(',').append(fmt(y.applyAsDouble(projected)));

        List<Tick> yTicks = List.of(new Tick(y.applyAsDouble(0), "0"), new Tick(y.applyAsDouble(max / 2), number(max / 2)),
                new Tick(y.applyAsDouble(max), number(max)));
        List<Tick> xTicks = new ArrayList<>();
        for (LocalDate m = from.withDayOfMonth(1).plusMonths(1); m.isBefore(to); m = m.plusMonths(2)) {
            xTicks.add(new Tick(x.applyAsDouble(m), MONTH.format(m)));
        }
        return new BalanceChart(W, H, past.toString(), future.toString(), todayX, markers, yTicks, xTicks,
                points.isEmpty() && startBalance == 0);
    }

    public int plotLeft() {
        return LEFT;
    }

    public int plotRight() {
        return W - RIGHT;
    }

    public int plotBottom() {
        return H - BOTTOM;
    }

    public int plotTop() {
        return TOP;
    }


    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }
}
