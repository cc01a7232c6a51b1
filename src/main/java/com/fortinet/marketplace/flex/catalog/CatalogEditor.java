package com.fortinet.marketplace.flex.catalog;

import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.TextRules;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Administrators' changes to the catalogue: a parameter's name, range, allowed values, whether it is required and its
 * default; and the caps of one parameter by another. Ids and types stay FortiFlex's. Existing configurations keep the
 * values they were given; the new rules apply to what is entered from now on.
 */
@Service
public class CatalogEditor {

    private static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9_-]{0,31}$");
    private static final long LIMIT = 1_000_000_000_000L;

    private final Catalog catalog;

    public CatalogEditor(Catalog catalog) {
        this.catalog = catalog;
    }

    public record ParameterEdit(String name, String min, String max, String values, boolean required, String defaultValue) {
    }

    @Transactional
    public Parameter updateParameter(int parameterId, ParameterEdit edit) {
        ProductType type = typeOf(parameterId);
        Parameter p = type.parameter(parameterId).orElseThrow();
        FieldChecks checks = new FieldChecks();
        String name = edit.name() == null ? "" : checks.value(() -> TextRules.line("name", "Names", edit.name()));
        if (name != null && (name.isEmpty() || name.length() > 100)) {
            checks.fail("name", "Enter a name of 1 to 100 characters.");
        }
        Long min = p.numeric() ? checks.value(() -> whole("min", edit.min())) : null;
        Long max = p.numeric() ? checks.value(() -> whole("max", edit.max())) : null;
        if (min != null && max != null && min > max) {
            checks.fail("max", "The maximum must be at least the minimum (" + min + ").");
        }
        String values = !p.numeric() && !p.modelsFromPriceList() ? checks.value(() -> codes(edit.values())) : null;
        String def = edit.defaultValue() == null ? "" : edit.defaultValue().strip();
        if (!edit.required() && def.isEmpty() && !p.multi()) {
            checks.fail("defaultValue", "An optional parameter needs a default, used when a configuration leaves it out.");
        }
        // The default is checked against the range or values typed, so only once they are right.
        checks.done();
        Parameter edited = new Parameter(p.id(), p.productTypeId(), p.code(), name, p.type(), min, max,
                values == null ? p.values() : List.of(values.split(",")), p.modelsFromPriceList(), edit.required(),
                null, p.sortOrder());
        if (!def.isEmpty()) {
            ProductType alone = new ProductType(type.id(), type.code(), type.name(), type.hardware(), type.family(),
                    type.modelPrefix(), type.serialPrefix(), type.sortOrder(), List.of(edited), List.of());
            try {
                def = String.join(",", ParameterRules.validate(alone, Map.of(p.id(), List.of(def))).values(p.id()));
            } catch (ParameterException e) {
                throw new InvalidInputException("defaultValue", "The default must be a value the parameter accepts: " + e.getMessage());
            }
        }
        catalog.updateParameter(p.id(), name, min, max, values, edit.required(), p.multi() || !def.isEmpty() ? def : null);
        return catalog.get(type.id()).parameter(p.id()).orElseThrow();
    }

    @Transactional
    public void putCap(int parameterId, Integer byParameterId, String from, String max) {
        ProductType type = typeOf(parameterId);
        Parameter p = type.parameter(parameterId).orElseThrow();
        if (!p.numeric()) {
            throw new InvalidInputException("parameterId", p.label() + " is not a number, so it can't be capped.");
        }
        Parameter by = byParameterId == null ? null : type.parameter(byParameterId).orElse(null);
        if (by == null || !by.numeric() || by.id() == p.id()) {
            throw new InvalidInputException("byParameterId", "Cap by another whole-number parameter of " + type.name() + ".");
        }
        long f = whole("from", from);
        long m = whole("capMax", max);
        if (m < p.min() || m > p.max()) {
            throw new InvalidInputException("capMax", "The cap must lie within " + p.label() + "'s range, " + p.allowedText() + ".");
        }
        catalog.putCap(p.id(), by.id(), f, m);
    }

    @Transactional
    public void deleteCap(int parameterId, int byParameterId, long from) {
        if (!catalog.deleteCap(parameterId, byParameterId, from)) {
            throw new NotFoundException("That cap was not found.");
        }
    }

    private ProductType typeOf(int parameterId) {
        return catalog.productTypes().stream().filter(t -> t.parameter(parameterId).isPresent()).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no FortiFlex parameter " + parameterId + "."));
    }

    private static long whole(String field, String raw) {
        try {
            long v = Long.parseLong(raw == null ? "" : raw.strip());
            if (Math.abs(v) > LIMIT) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Enter a whole number.");
        }
    }

    private static String codes(String raw) {
        Set<String> out = new LinkedHashSet<>();
        List<String> wrong = new ArrayList<>();
        for (String part : (raw == null ? "" : raw).split(",")) {
            String v = part.strip().toUpperCase(Locale.ROOT);
            if (v.isEmpty()) {
                continue;
            }
            if (!CODE.matcher(v).matches()) {
                wrong.add(part.strip());
            } else {
                out.add(v);
            }
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException("values", "Values are codes of letters, digits, '-' and '_' (at most 32 characters); not "
                    + String.join(", ", wrong) + ".");
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("values", "Enter at least one value, separated by commas, e.g. FC,UTP,ENT,ATP.");
        }
        String joined = String.join(",", out);
        if (joined.length() > 2000) {
            throw new InvalidInputException("values", "The list of values is at most 2,000 characters.");
        }
        return joined;
    }
}
