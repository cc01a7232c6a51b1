package com.fortinet.marketplace.flex.configs;

import com.fortinet.marketplace.flex.catalog.ConfigParameters;
import com.fortinet.marketplace.flex.catalog.Parameter;
import com.fortinet.marketplace.flex.catalog.ParameterCap;
import com.fortinet.marketplace.flex.catalog.ProductType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One parameter input of the configuration form: the parameter, what it shows now, and a hint. */
public record ParameterField(Parameter parameter, List<String> values, String hint) {

    public String value() {
        return values.isEmpty() ? "" : values.get(0);
    }

    public boolean has(String v) {
        return values.contains(v);
    }

    /**
     * The inputs of a product type: values typed in the form win, then the configuration's current values, then the
     * catalogue defaults.
     */
    public static List<ParameterField> of(ProductType type, Map<Integer, List<String>> typed, ConfigParameters current) {
        List<ParameterField> out = new ArrayList<>();
        for (Parameter p : type.parameters()) {
            List<String> values;
            if (typed != null && typed.containsKey(p.id())) {
                values = typed.get(p.id()).stream().flatMap(v -> List.of(v.split(",")).stream()).map(String::strip)
                        .filter(v -> !v.isEmpty() && !v.equalsIgnoreCase("NONE")).toList();
            } else if (current != null && current.has(p.id())) {
                values = current.values(p.id());
            } else if (p.defaultValue() != null && !p.defaultValue().isBlank()) {
                values = List.of(p.defaultValue().split(","));
            } else {
                values = List.of();
            }
            out.add(new ParameterField(p, values, hint(type, p)));
        }
        return out;
    }

    private static String hint(ProductType type, Parameter p) {
        StringBuilder h = new StringBuilder();
        if (p.numeric()) {
            h.append(p.allowedText()).append('.');
        } else if (p.modelsFromPriceList()) {
            h.append(type.family()).append(" models of the price list.");
        } else if (p.multi()) {
            h.append("Any of them, or none.");
        }
        List<ParameterCap> caps = type.caps().stream().filter(c -> c.parameterId() == p.id()).toList();
        if (!caps.isEmpty()) {
            String by = type.parameter(caps.get(0).byParameterId()).map(Parameter::name).orElse("?");
            h.append(" At most ");
            for (int i = 0; i < caps.size(); i++) {
                ParameterCap c = caps.get(i);
                Long next = i + 1 < caps.size() ? caps.get(i + 1).from() - 1 : null;
                h.append(i == 0 ? "" : ", ").append(String.format("%,d", c.max())).append(" with ")
                        .append(next == null ? c.from() + "+" : c.from() == next ? String.valueOf(c.from()) : c.from() + "–" + next);
            }
            h.append(' ').append(by).append('.');
        }
        if (!p.required() && !p.multi() && p.defaultValue() != null) {
            h.append(" Default ").append(p.defaultValue()).append('.');
        }
        return h.toString().strip();
    }
}
