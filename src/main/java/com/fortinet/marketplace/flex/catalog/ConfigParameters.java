package com.fortinet.marketplace.flex.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A configuration's parameter values in canonical form: parameter id → values (one for NUMERIC and SINGLEVALUE, any
 * number for MULTIVALUE), stored as {@code 1=2;2=ENT;10=0;43=FGTAVDB,FGTFAIS} in id order. Values are codes or whole
 * numbers already checked by {@link ParameterRules}, so ';', '=' and ',' never occur inside them.
 */
public final class ConfigParameters {

    private final TreeMap<Integer, List<String>> values;

    private ConfigParameters(Map<Integer, List<String>> values) {
        this.values = new TreeMap<>();
        values.forEach((k, v) -> this.values.put(k, List.copyOf(v)));
    }

    public static ConfigParameters of(Map<Integer, List<String>> values) {
        return new ConfigParameters(values);
    }

    public static ConfigParameters empty() {
        return new ConfigParameters(Map.of());
    }

    public static ConfigParameters parse(String text) {
        Map<Integer, List<String>> map = new TreeMap<>();
        if (text != null && !text.isBlank()) {
            for (String pair : text.split(";")) {
                int eq = pair.indexOf('=');
                int id = Integer.parseInt(pair.substring(0, eq).trim());
                String v = pair.substring(eq + 1).trim();
                map.put(id, v.isEmpty() ? List.of() : Arrays.asList(v.split(",")));
            }
        }
        return new ConfigParameters(map);
    }

    public String text() {
        StringBuilder b = new StringBuilder();
        values.forEach((id, v) -> {
            if (!b.isEmpty()) {
                b.append(';');
            }
            b.append(id).append('=').append(String.join(",", v));
        });
        return b.toString();
    }

    public boolean has(int id) {
        return values.containsKey(id);
    }

    public List<String> values(int id) {
        return values.getOrDefault(id, List.of());
    }

    /** The single value of a NUMERIC or SINGLEVALUE parameter, or null. */
    public String value(int id) {
        List<String> v = values.get(id);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public Long number(int id) {
        String v = value(id);
        return v == null ? null : Long.valueOf(v);
    }

    public Map<Integer, List<String>> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** One {id, value} entry per value (MULTIVALUE repeats the id), the way FortiFlex lists parameters. */
    public List<Map.Entry<Integer, String>> entries() {
        List<Map.Entry<Integer, String>> out = new ArrayList<>();
        values.forEach((id, v) -> v.forEach(x -> out.add(Map.entry(id, x))));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfigParameters other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
