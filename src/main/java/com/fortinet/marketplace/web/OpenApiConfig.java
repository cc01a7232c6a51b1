package com.fortinet.marketplace.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI portalOpenApi() {
        return new OpenAPI()
                .info(new Info().title("FortiMarketplace API").version("v1")
                        .description("Automation API of the FortiMarketplace portal. Authenticate with "
                                + "'Authorization: Bearer YOUR_KEY' (keys are created on your profile page). Errors are "
                                + "RFC 9457 problem details. Dates are ISO YYYY-MM-DD. Change requests accept an "
                                + "Idempotency-Key header."))
                .components(new Components().addSecuritySchemes("apiKey",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
