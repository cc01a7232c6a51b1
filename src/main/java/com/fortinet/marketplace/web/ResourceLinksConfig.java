package com.fortinet.marketplace.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links in pages are written as they are. With webjars-locator-lite on the class path Spring Boot turns on the resource
 * chain and its {@link ResourceUrlEncodingFilter}, which offers every {@code @{…}} link of every page to the static
 * resource resolvers, each of which looks the path up on the class path (through every jar of the executable jar) and
 * finds nothing: half the CPU time of a page went there (issue 13, JFR). The portal versions no resource URL, and the
 * version-less WebJar path ({@code /webjars/htmx.org/dist/htmx.min.js}) is still resolved when it is requested, so the
 * filter is registered switched off.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinksConfig {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> off = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        off.setEnabled(false);
        return off;
    }
}
