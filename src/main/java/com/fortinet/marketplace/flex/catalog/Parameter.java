package com.fortinet.marketplace.flex.catalog;

import java.util.List;

/**
 * One parameter of a product type, with FortiFlex's id. NUMERIC: whole numbers in [min, max]; SINGLEVALUE and
 * MULTIVALUE: codes from {@code values} (for hardware models, resolved from the price list). {@code defaultValue}
 * fills an optional parameter left out ("" = none chosen for MULTIVALUE).
 */
public record Parameter(int id, int productTypeId, String code, String name, ParameterType type, Long min, Long max,
                        List<String> values, boolean modelsFromPriceList, boolean required, String defaultValue,
                        int sortOrder) {

    /** "CPUs (parameter 1)": how messages name a parameter, so API users find it by id and people by name. */
    public String label() {
        return name + " (parameter " + id + ")";
    }

    public boolean numeric() {
        return type == ParameterType.NUMERIC;
    }

    public boolean multi() {
        return type == ParameterType.MULTIVALUE;
    }

    /** What may be entered, in words: "1–96", "FC, UTP, ENT or ATP". */
    public String allowedText() {
        if (numeric()) {
            return String.format("%,d–%,d", min, max);
        }
        if (values.isEmpty()) {
            return "no value available";
        }
        if (values.size() == 1) {
            return values.get(0);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + (multi() ? " and/or " : " or ")
                + values.get(values.size() - 1);
    }

    public Parameter withValues(List<String> resolved) {
        return new Parameter(id, productTypeId, code, name, type, min, max, List.copyOf(resolved), modelsFromPriceList,
                required, defaultValue, sortOrder);
    }
}
