package com.fortinet.marketplace.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "Started PortalApplication" is logged before the start-up runners (demo data); this line comes after them, when the
 * portal is ready for traffic (readiness probe UP). Scripts and process tests wait for it.
 */
@Component
class ReadyLog {

    private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info("Portal ready on port {}", web.getWebServer().getPort());
        }
    }
}
