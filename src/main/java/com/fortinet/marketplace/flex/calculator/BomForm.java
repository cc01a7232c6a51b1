package com.fortinet.marketplace.flex.calculator;

import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calculator's bill of materials as the page sends it: per line {@code l<i>_type}, {@code l<i>_count},
 * {@code l<i>_p<parameter id>} (repeated for several values) and {@code l<i>_shown}, the product type whose parameter
 * inputs the page showed (when the type changed, the old type's values are dropped). {@code add} appends an empty
 * line, {@code remove=<i>} drops line i. No parameters at all: the first visit, one line priced as FortiFlex's own
 * example (FortiGate-VM, 2 CPUs, Enterprise bundle).
 */
record BomForm(List<Line> lines) {

    static final int MAX_LINES = 50;
    private static final Pattern FIELD = Pattern.compile("l(\\d{1,3})_(type|count|shown|p(\\d{1,6}))");

    /** {@code typed} null: no parameter values were sent for this type (a new line or a new type): the defaults show. */
    record Line(int index, Integer productTypeId, String count, Map<Integer, List<String>> typed) {
    }

    static BomForm parse(MultiValueMap<String, String> form) {
        TreeSet<Integer> indexes = new TreeSet<>();
        form.keySet().forEach(k -> {
            Matcher m = FIELD.matcher(k);
            if (m.matches()) {
                indexes.add(Integer.parseInt(m.group(1)));
            }
        });
        if (indexes.isEmpty() && form.getFirst("add") == null) {
            return new BomForm(List.of(new Line(0, 1, "1", new LinkedHashMap<>(Map.of(1, List.of("2"), 2, List.of("ENT"))))));
        }
        String remove = form.getFirst("remove");
        List<Line> lines = new ArrayList<>();
        for (int i : indexes) {
            if (String.valueOf(i).equals(remove)) {
                continue;
            }
            Integer type = parseInt(form.getFirst("l" + i + "_type"));
            Integer shown = parseInt(form.getFirst("l" + i + "_shown"));
            Map<Integer, List<String>> typed = null;
            if (type != null && type.equals(shown)) {
                typed = new LinkedHashMap<>();
                for (var e : form.entrySet()) {
                    Matcher m = FIELD.matcher(e.getKey());
                    if (m.matches() && Integer.parseInt(m.group(1)) == i && m.group(3) != null) {
                        typed.put(Integer.parseInt(m.group(3)), e.getValue());
                    }
                }
            }
            String count = form.getFirst("l" + i + "_count");
            lines.add(new Line(i, type, count == null ? "1" : count, typed));
        }
        if (form.getFirst("add") != null && lines.size() < MAX_LINES) {
            int next = indexes.isEmpty() ? 0 : indexes.last() + 1;
            lines.add(new Line(next, null, "1", null));
        }
        return new BomForm(lines);
    }

    private static Integer parseInt(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
