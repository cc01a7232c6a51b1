package com.fortinet.marketplace.demo;

import com.fortinet.marketplace.database.DemoDataSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * DESIGN §6: while demo data is on, every page says so (the layout and the sign-in page show a banner) and the
 * start-up log warns: the demo users' password {@code demo} and their fixed API keys work on such a deployment.
 */
@ControllerAdvice(annotations = Controller.class)
class DemoBanner {

    private static final Logger log = LoggerFactory.getLogger(DemoBanner.class);

    private final boolean on;

    DemoBanner(DemoDataSwitch demo) {
        this.on = demo.enabled();
    }

    @ModelAttribute("demoData")
    boolean demoData() {
        return on;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        if (on) {
            log.warn("DEMO DATA IS ON: demo users (admin@demo.test and others) sign in with the password 'demo' and "
                    + "fixed API keys (demo-admin, …). Never expose this instance; set PORTAL_DEMO_ENABLED=false "
                    + "(off by default with an external database).");
        }
    }
}
