package com.fortinet.marketplace.flex.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A product type's flat BASE rates that all depend on the same two parameters (e.g. CPUs × service package) shown as a
 * grid, one row per value of the first and one column per value of the second: easier to read than hundreds of rows.
 */
public record RateGrid(Parameter rowParameter, Parameter columnParameter, List<String> rows, List<String> columns,
                       Map<String, Map<String, Rate>> cells) {

    public Rate cell(String row, String column) {
        return cells.getOrDefault(row, Map.of()).get(column);
    }

    public boolean covers(Rate r) {
        if (r.kind() != RateKind.BASE || r.perUnit()) {
            return false;
        }
        List<Rate.Condition> c = r.conditionList();
        return c.size() == 2 && c.get(0).parameterId() == rowParameter.id() && c.get(1).parameterId() == columnParameter.id();
    }

    /** Null when the BASE rates don't share one pair of parameters. */
    public static RateGrid of(ProductType type, List<Rate> rates) {
        List<Rate> bases = rates.stream().filter(r -> r.kind() == RateKind.BASE && !r.perUnit()).toList();
        if (bases.size() < 4) {
            return null;
        }
        List<Rate.Condition> first = bases.get(0).conditionList();
        if (first.size() != 2) {
            return null;
        }
        int rowId = first.get(0).parameterId();
        int colId = first.get(1).parameterId();
        Parameter rowP = type.parameter(rowId).orElse(null);
        Parameter colP = type.parameter(colId).orElse(null);
        if (rowP == null || colP == null) {
            return null;
        }
        Map<String, Map<String, Rate>> cells = new HashMap<>();
        for (Rate r : bases) {
            List<Rate.Condition> c = r.conditionList();
            if (c.size() != 2 || c.get(0).parameterId() != rowId || c.get(1).parameterId() != colId) {
                return null;
            }
            cells.computeIfAbsent(c.get(0).value(), k -> new HashMap<>()).put(c.get(1).value(), r);
        }
        List<String> rows = new ArrayList<>(cells.keySet());
        rows.sort(rowP.numeric() ? Comparator.comparingLong(Long::parseLong) : order(rowP));
        List<String> columns = new ArrayList<>(cells.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList());
        columns.sort(colP.numeric() ? Comparator.comparingLong(Long::parseLong) : order(colP));
        return new RateGrid(rowP, colP, rows, columns, cells);
    }

    private static Comparator<String> order(Parameter p) {
        return Comparator.comparingInt((String v) -> p.values().indexOf(v) < 0 ? Integer.MAX_VALUE : p.values().indexOf(v))
                .thenComparing(Comparator.naturalOrder());
    }
}
