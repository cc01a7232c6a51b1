package com.fortinet.marketplace.flex.catalog;

import com.fortinet.marketplace.web.BusinessRuleException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Points per day of one entitlement of a configuration (pure). The BASE rate matching the parameters with the most
 * conditions, plus every matching ADD rate; a per-unit rate is multiplied by its NUMERIC parameter's value. Exact
 * hundredths throughout (rates have two decimals, multipliers are whole numbers): no rounding happens.
 */
public final class RateRule {

    public static final String NO_RATE_TITLE = "No points-per-day rate";

    private RateRule() {
    }

    /** A line of the computation, for showing how the figure is made up. */
    public record Line(String label, BigDecimal points, boolean demo) {
    }

    public record Price(BigDecimal pointsPerDay, List<Line> lines) {
        public boolean demo() {
            return lines.stream().anyMatch(Line::demo);
        }

        public BigDecimal forDays(int days) {
            return pointsPerDay.multiply(BigDecimal.valueOf(days));
        }
    }

    public static BigDecimal pointsPerDay(ProductType type, ConfigParameters params, List<Rate> rates) {
        return price(type, params, rates).pointsPerDay();
    }

    public static Price price(ProductType type, ConfigParameters params, List<Rate> rates) {
        List<Rate> mine = rates.stream().filter(r -> r.productTypeId() == type.id() && matches(type, r, params)).toList();
        List<Rate> bases = mine.stream().filter(r -> r.kind() == RateKind.BASE)
                .sorted(Comparator.comparingInt((Rate r) -> r.conditionList().size()).reversed()).toList();
        if (bases.isEmpty()) {
            throw new BusinessRuleException(NO_RATE_TITLE, "There is no points-per-day rate for " + type.name()
                    + " with " + describe(type, params) + " yet: ask a Fortinet administrator to add it to the FortiFlex rate table.");
        }
        if (bases.size() > 1 && bases.get(0).conditionList().size() == bases.get(1).conditionList().size()) {
            throw new BusinessRuleException("Ambiguous points-per-day rate", "Two base rates of " + type.name()
                    + " match " + describe(type, params) + " (" + bases.get(0).conditions() + " and "
                    + bases.get(1).conditions() + "): ask a Fortinet administrator to fix the FortiFlex rate table.");
        }
        List<Line> lines = new ArrayList<>();
        lines.add(line(type, bases.get(0), params));
        mine.stream().filter(r -> r.kind() == RateKind.ADD).map(r -> line(type, r, params))
                .filter(l -> l.points().signum() != 0).forEach(lines::add);
        BigDecimal total = lines.stream().map(Line::points).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
        return new Price(total, lines);
    }

    static boolean matches(ProductType type, Rate rate, ConfigParameters params) {
        for (Rate.Condition c : rate.conditionList()) {
            Parameter p = type.parameter(c.parameterId()).orElse(null);
            if (p == null) {
                return false;
            }
            List<String> values = params.values(c.parameterId());
            boolean ok = p.numeric()
                    ? values.size() == 1 && Long.parseLong(values.get(0)) == Long.parseLong(c.value())
                    : values.contains(c.value());
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static Line line(ProductType type, Rate r, ConfigParameters params) {
        String what = r.conditionList().isEmpty() ? (r.kind() == RateKind.BASE ? type.name() : "")
                : r.conditionList().stream().map(c -> type.parameter(c.parameterId()).map(Parameter::name).orElse("?")
                + " " + c.value()).collect(Collectors.joining(", "));
        if (!r.perUnit()) {
            return new Line(what, r.pointsPerDay(), r.demo());
        }
        Parameter per = type.parameter(r.perParameterId()).orElse(null);
        Long units = per == null ? null : params.number(per.id());
        long n = units == null ? 0 : units;
        String label = (what.isEmpty() ? "" : what + ": ") + String.format("%,d", n) + " × "
                + (per == null ? "?" : per.name()) + " at " + r.pointsPerDay().toPlainString();
        return new Line(label, r.pointsPerDay().multiply(BigDecimal.valueOf(n)), r.demo());
    }

    private static String describe(ProductType type, ConfigParameters params) {
        return type.parameters().stream().filter(p -> !p.multi() && params.value(p.id()) != null)
                .map(p -> p.name() + " " + params.value(p.id())).collect(Collectors.joining(", "));
    }
}
