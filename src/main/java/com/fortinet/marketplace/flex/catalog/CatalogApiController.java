package com.fortinet.marketplace.flex.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fortinet.marketplace.flex.FlexJson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

/** DESIGN §7: the FortiFlex catalogue and the points calculator, for any signed-in API user. */
@RestController
@RequestMapping("/api/v1/flex")
class CatalogApiController {

    private final Catalog catalog;
    private final Pricing pricing;

    CatalogApiController(Catalog catalog, Pricing pricing) {
        this.catalog = catalog;
        this.pricing = pricing;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ParameterJson(int parameterId, String name, String code, ParameterType type, boolean required, Long min,
                         Long max, List<String> values, String defaultValue) {
    }

    record ProductTypeJson(int productTypeId, String code, String name, boolean hardware, String family,
                           List<ParameterJson> parameters) {
    }

    @GetMapping("/product-types")
    List<ProductTypeJson> productTypes() {
        return catalog.productTypes().stream().map(t -> new ProductTypeJson(t.id(), t.code(), t.name(), t.hardware(),
                t.family(), t.parameters().stream().map(p -> new ParameterJson(p.id(), p.name(), p.code(), p.type(),
                        p.required(), p.min(), p.max(), p.numeric() ? null : p.values(), p.defaultValue())).toList())).toList();
    }

    record CalcJson(int productTypeId, BigDecimal pointsPerDay, long count, long days, BigDecimal totalPoints,
                    boolean demoRates) {
    }

    /** {productTypeId, parameters:[{id, value}], count?, days?} → points per day of one entitlement and the total. */
    @PostMapping("/calc")
    CalcJson calc(@RequestBody(required = false) JsonNode body) {
        FlexJson in = FlexJson.of(body);
        Integer type = in.wholeInt("productTypeId", 1, 100_000);
        var parameters = in.parameters("parameters");
        Long count = in.whole("count", 1, Pricing.MAX_COUNT);
        Long days = in.whole("days", 1, Pricing.MAX_DAYS);
        Pricing.Calculation c = pricing.calc(type, parameters, count, days);
        return new CalcJson(c.productTypeId(), c.pointsPerDay(), c.count(), c.days(), c.totalPoints(), c.demoRates());
    }
}
