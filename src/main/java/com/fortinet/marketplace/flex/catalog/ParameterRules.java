package com.fortinet.marketplace.flex.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks parameter values against a product type (pure: no Spring, no database). Input is what a form or an API call
 * sent: parameter id → the values given for it (several entries for a MULTIVALUE parameter, or one entry of
 * comma-separated codes; "NONE" means none chosen). Output is the canonical {@link ConfigParameters}, or a
 * {@link ParameterException} naming every parameter that is unknown, missing, of the wrong kind or out of range.
 */
public final class ParameterRules {

    static final int MAX_VALUE_LENGTH = 200;
    private static final Pattern WHOLE = Pattern.compile("^[+-]?\\d{1,18}$");

    private ParameterRules() {
    }

    /** A new configuration: left-out optional parameters take their default. */
    public static ConfigParameters validate(ProductType type, Map<Integer, List<String>> given) {
        return validate(type, given, null);
    }

    /**
     * {@code current} non-null: an update, where parameters left out keep their current value and those given replace
     * it (a MULTIVALUE parameter given replaces the whole set).
     */
    public static ConfigParameters validate(ProductType type, Map<Integer, List<String>> given, ConfigParameters current) {
        Map<Integer, List<String>> in = given == null ? Map.of() : given;
        List<ParameterException.Problem> problems = new ArrayList<>();
        for (Integer id : new TreeMap<>(in).keySet()) {
            if (id == null || type.parameter(id).isEmpty()) {
                problems.add(new ParameterException.Problem(id, "Parameter " + id + " is not a parameter of "
                        + type.name() + " (product type " + type.id() + "); its parameters are " + list(type) + "."));
            }
        }
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        for (Parameter p : type.parameters()) {
            List<String> raw = in.get(p.id());
            if (raw == null) {
                if (current != null && current.has(p.id())) {
                    out.put(p.id(), current.values(p.id()));
                } else if (p.required()) {
                    problems.add(new ParameterException.Problem(p.id(), p.label() + " is required: "
                            + (p.numeric() ? "a whole number from " : "one of ") + p.allowedText() + "."));
                } else {
                    out.put(p.id(), defaults(p));
                }
                continue;
            }
            try {
                out.put(p.id(), check(p, raw));
            } catch (IllegalArgumentException e) {
                problems.add(new ParameterException.Problem(p.id(), e.getMessage()));
            }
        }
        if (problems.isEmpty()) {
            capProblem(type, out).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(problems);
        }
        return ConfigParameters.of(out);
    }

    private static List<String> defaults(Parameter p) {
        String d = p.defaultValue();
        if (d == null || d.isBlank()) {
            return List.of();
        }
        return List.of(d.split(","));
    }

    private static List<String> check(Parameter p, List<String> raw) {
        for (String v : raw) {
            if (v != null && v.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException(p.label() + " is at most " + MAX_VALUE_LENGTH + " characters long.");
            }
        }
        return switch (p.type()) {
            case NUMERIC -> List.of(String.valueOf(number(p, single(p, raw))));
            case SINGLEVALUE -> List.of(code(p, single(p, raw)));
            case MULTIVALUE -> codes(p, raw);
        };
    }

    private static String single(Parameter p, List<String> raw) {
        List<String> nonBlank = raw.stream().filter(v -> v != null && !v.isBlank()).toList();
        if (nonBlank.size() > 1) {
            throw new IllegalArgumentException(p.label() + " takes one value, not " + nonBlank.size() + ".");
        }
        if (nonBlank.isEmpty()) {
            throw new IllegalArgumentException(p.label() + " needs a value: " + (p.numeric() ? "a whole number from "
                    : "one of ") + p.allowedText() + ".");
        }
        return nonBlank.get(0).strip();
    }

    private static long number(Parameter p, String v) {
        String s = v.replace(",", "").replace("_", "");
        if (!WHOLE.matcher(s).matches()) {
            throw new IllegalArgumentException(p.label() + " must be a whole number from " + p.allowedText()
                    + ", not '" + v + "'.");
        }
        long n = Long.parseLong(s);
        if (n < p.min() || n > p.max()) {
            throw new IllegalArgumentException(p.label() + " must be a whole number from " + p.allowedText()
                    + ", not " + String.format("%,d", n) + ".");
        }
        return n;
    }

    private static String code(Parameter p, String v) {
        return p.values().stream().filter(a -> a.equalsIgnoreCase(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(p.values().isEmpty()
                        ? p.label() + " has no value to choose from yet: ask an administrator to add one."
                        : p.label() + " must be " + (p.values().size() == 1 ? "" : "one of ") + p.allowedText()
                        + ", not '" + v + "'."));
    }

    private static List<String> codes(Parameter p, List<String> raw) {
        Set<String> chosen = new LinkedHashSet<>();
        List<String> wrong = new ArrayList<>();
        for (String entry : raw) {
            if (entry == null) {
                continue;
            }
            for (String part : entry.split(",")) {
                String v = part.strip();
                if (v.isEmpty() || v.equalsIgnoreCase("NONE")) {
                    continue;
                }
                p.values().stream().filter(a -> a.equalsIgnoreCase(v)).findFirst()
                        .ifPresentOrElse(chosen::add, () -> wrong.add(v));
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException(p.label() + " takes any of " + String.join(", ", p.values())
                    + "; not " + wrong.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", ")) + ".");
        }
        // Catalogue order, so the same set always reads (and is stored) the same way.
        return p.values().stream().filter(chosen::contains).toList();
    }

    /** The first cap exceeded, e.g. VDOMs over what the CPU count allows. */
    private static Optional<ParameterException.Problem> capProblem(ProductType type, Map<Integer, List<String>> values) {
        Map<List<Integer>, List<ParameterCap>> groups = type.caps().stream()
                .collect(Collectors.groupingBy(c -> List.of(c.parameterId(), c.byParameterId()), LinkedHashMap::new,
                        Collectors.toList()));
        for (var group : groups.entrySet()) {
            int capped = group.getKey().get(0);
            int by = group.getKey().get(1);
            Long value = numberOf(values, capped);
            Long byValue = numberOf(values, by);
            if (value == null || byValue == null) {
                continue;
            }
            Optional<ParameterCap> cap = group.getValue().stream().filter(c -> c.from() <= byValue)
                    .max(Comparator.comparingLong(ParameterCap::from));
            if (cap.isPresent() && value > cap.get().max()) {
                Parameter p = type.parameter(capped).orElseThrow();
                Parameter b = type.parameter(by).orElseThrow();
                return Optional.of(new ParameterException.Problem(capped, p.label() + " is at most "
                        + String.format("%,d", cap.get().max()) + " when " + b.name() + " is " + byValue
                        + ", not " + String.format("%,d", value) + "."));
            }
        }
        return Optional.empty();
    }

    private static Long numberOf(Map<Integer, List<String>> values, int id) {
        List<String> v = values.get(id);
        return v == null || v.size() != 1 ? null : Long.valueOf(v.get(0));
    }

    private static String list(ProductType type) {
        return type.parameters().stream().map(p -> p.id() + " " + p.name()).collect(Collectors.joining(", "));
    }

    /** Values as a form or API sent them, one list per parameter id, keeping the caller's order. */
    public static Map<Integer, List<String>> group(List<Map.Entry<Integer, String>> entries) {
        Map<Integer, List<String>> map = new LinkedHashMap<>();
        for (var e : entries) {
            map.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
        return map;
    }

    static String upper(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    }
}
