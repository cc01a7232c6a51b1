package com.fortinet.marketplace.flex.catalog;

import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.InvalidInputException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a rate-table row typed by an administrator or found in a CSV line (pure): product type, kind, conditions
 * ("1=2;2=ENT" in any order and case), per-unit parameter and points per day (at most two decimals). Conditions and
 * the per-unit parameter must belong to the product type and name values it accepts.
 */
public final class RateRows {

    public static final BigDecimal MAX_POINTS = new BigDecimal("99999999.99");

    private RateRows() {
    }

    public record Row(int productTypeId, RateKind kind, String conditions, int perParameterId, BigDecimal pointsPerDay) {
    }

    public static Row parse(ProductType type, String kind, String conditions, String perParameter, String points) {
        FieldChecks checks = new FieldChecks();
        RateKind k = checks.value(() -> kind(kind));
        String canonical = checks.value(() -> conditions(type, conditions));
        Integer per = checks.value(() -> perParameter(type, perParameter));
        var pointsPerDay = checks.value(() -> points(points));
        checks.done();
        return new Row(type.id(), k, canonical, per, pointsPerDay);
    }

    private static RateKind kind(String raw) {
        try {
            return RateKind.valueOf(raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "The kind is BASE (the size and package rate) or ADD (added on top).");
        }
    }

    static String conditions(ProductType type, String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        Map<Integer, String> byId = new TreeMap<>();
        for (String pair : raw.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new InvalidInputException("conditions", "Write conditions as parameter id=value pairs separated by ';', e.g. 1=2;2=ENT.");
            }
            int id;
            try {
                id = Integer.parseInt(pair.substring(0, eq).strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("conditions", "'" + pair.strip() + "': the part before '=' is a parameter id, e.g. 1=2.");
            }
            Parameter p = type.parameter(id).orElseThrow(() -> new InvalidInputException("conditions", "Parameter " + id
                    + " is not a parameter of " + type.name() + "."));
            String value;
            try {
                value = ParameterRules.validate(single(type, p), Map.of(id, List.of(pair.substring(eq + 1))), ConfigParameters.empty())
                        .values(id).stream().findFirst().orElse("");
            } catch (ParameterException e) {
                throw new InvalidInputException("conditions", e.getMessage());
            }
            if (value.isEmpty() || byId.put(id, value) != null) {
                throw new InvalidInputException("conditions", p.label() + " appears without a value or twice in the conditions.");
            }
        }
        List<String> parts = new ArrayList<>();
        byId.forEach((id, v) -> parts.add(id + "=" + v));
        return String.join(";", parts);
    }

    /** The product type reduced to one parameter, without caps: checks a single condition value on its own. */
    private static ProductType single(ProductType type, Parameter p) {
        Parameter optional = new Parameter(p.id(), p.productTypeId(), p.code(), p.name(), p.type(), p.min(), p.max(),
                p.values(), p.modelsFromPriceList(), false, null, p.sortOrder());
        return new ProductType(type.id(), type.code(), type.name(), type.hardware(), type.family(), type.modelPrefix(),
                type.serialPrefix(), type.sortOrder(), List.of(optional), List.of());
    }

    static int perParameter(ProductType type, String raw) {
        if (raw == null || raw.isBlank() || raw.strip().equals("0")) {
            return 0;
        }
        int id;
        try {
            id = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("perParameterId", "The per-unit parameter is a parameter id, e.g. 10 for VDOMs; empty for a flat rate.");
        }
        Parameter p = type.parameter(id).orElseThrow(() -> new InvalidInputException("perParameterId", "Parameter " + id
                + " is not a parameter of " + type.name() + "."));
        if (!p.numeric()) {
            throw new InvalidInputException("perParameterId", p.label() + " is not a number, so there is nothing to charge per unit of.");
        }
        return id;
    }

    public static BigDecimal points(String raw) {
        String s = raw == null ? "" : raw.strip().replace(",", "");
        BigDecimal v;
        try {
            v = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("pointsPerDay", "Points per day are a number with at most two decimals, e.g. 6.39.");
        }
        if (v.signum() < 0) {
            throw new InvalidInputException("pointsPerDay", "Points per day can't be negative.");
        }
        if (v.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("pointsPerDay", "Points per day have at most two decimals (hundredths), e.g. 6.39.");
        }
        if (v.compareTo(MAX_POINTS) > 0) {
            throw new InvalidInputException("pointsPerDay", "Points per day are at most 99,999,999.99.");
        }
        return v.setScale(2);
    }
}
