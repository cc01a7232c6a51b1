package com.fortinet.marketplace.flex.configs;

import com.fortinet.marketplace.flex.catalog.Parameter;
import com.fortinet.marketplace.flex.catalog.ProductType;

import java.math.BigDecimal;
import java.util.List;

/** A configuration as the API shows it (DESIGN §7): parameters as FortiFlex lists them, one entry per value. */
public record ConfigJson(long configId, String name, int productTypeId, ConfigStatus status,
                         List<ParameterValue> parameters, BigDecimal pointsPerDay) {

    public record ParameterValue(int id, String name, String value) {
    }

    public static ConfigJson of(FlexConfig c, ProductType type) {
        List<ParameterValue> values = c.parameters().entries().stream()
                .map(e -> new ParameterValue(e.getKey(), type.parameter(e.getKey()).map(Parameter::name).orElse(null), e.getValue()))
                .toList();
        return new ConfigJson(c.id(), c.name(), c.productTypeId(), c.status(), values, c.pointsPerDay());
    }
}
