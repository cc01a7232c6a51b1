package com.fortinet.marketplace.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
class JsonConfig {

    /**
     * API callers get a 400 for a value of the wrong type instead of a silent conversion: {"name": 42} is a
     * mistake in a script, not an account called "42"; {"points": 1.5} must not become 1 point.
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder
                // {"points": 1, "points": 1000}: refused instead of "last wins" (issue 12 item 5); Boot 4 has no
                // property for this stream-read feature, so it is set here.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // {"lines": [null]}: a null item in any list or map is refused with its path ('lines[0]') instead
                // of reaching a service as a null (issue 12 item 3).
                .changeDefaultNullHandling(n -> n.withContentNulls(Nulls.FAIL))
                .withCoercionConfig(LogicalType.Float, c -> c
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
