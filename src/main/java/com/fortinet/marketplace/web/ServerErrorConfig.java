package com.fortinet.marketplace.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** Tomcat's own error reports become problem documents under /api ({@link ApiErrorReportValve}). */
@Configuration(proxyBeanMethods = false)
class ServerErrorConfig {

    /** Runs after Boot's customizer, which adds a plain ErrorReportValve to the host: that one is replaced. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (!(context.getParent() instanceof Host host)) {
                return;
            }
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ApiErrorReportValve());
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ApiErrorReportValve.class.getName());
            }
        });
    }
}
