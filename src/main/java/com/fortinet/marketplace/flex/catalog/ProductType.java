package com.fortinet.marketplace.flex.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A FortiFlex product type with FortiFlex's id (1 FortiGate-VM bundle, 2 FortiManager-VM, … 101 FortiGate hardware).
 * VM types issue serials starting with {@code serialPrefix}; hardware types match units of {@code family}.
 */
public record ProductType(int id, String code, String name, boolean hardware, String family, String modelPrefix,
                          String serialPrefix, int sortOrder, List<Parameter> parameters, List<ParameterCap> caps) {

    public Optional<Parameter> parameter(int parameterId) {
        return parameters.stream().filter(p -> p.id() == parameterId).findFirst();
    }

    /** The hardware model parameter (SINGLEVALUE resolved from the price list), if this type has one. */
    public Optional<Parameter> modelParameter() {
        return parameters.stream().filter(Parameter::modelsFromPriceList).findFirst();
    }

    /** Parameter values in one line, e.g. "CPUs 2 · Service package ENT · VDOMs 0" (empty sets left out). */
    public String describe(ConfigParameters params) {
        return parameters.stream().filter(p -> !params.values(p.id()).isEmpty())
                .map(p -> p.name() + " " + String.join(", ", params.values(p.id())))
                .collect(java.util.stream.Collectors.joining(" · "));
    }

    /** A rate's conditions in words, e.g. "CPUs 2, Service package ENT" ("any" when it has none). */
    public String describe(Rate rate) {
        if (rate.conditionList().isEmpty()) {
            return "any";
        }
        return rate.conditionList().stream()
                .map(c -> parameter(c.parameterId()).map(Parameter::name).orElse("parameter " + c.parameterId()) + " " + c.value())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    public String parameterName(int parameterId) {
        return parameter(parameterId).map(Parameter::name).orElse("parameter " + parameterId);
    }

    public String kindLabel() {
        return hardware ? "Hardware" : "VM";
    }
}
