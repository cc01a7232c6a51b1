package com.fortinet.marketplace.database;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Demo data is on by default with the embedded database and off with an external one, unless set explicitly. */
@Component
public class DemoDataSwitch {

    private final boolean enabled;

    public DemoDataSwitch(Environment env) {
        String explicit = env.getProperty("portal.demo.enabled");
        boolean embedded = env.getProperty("spring.datasource.url", "").isBlank();
        this.enabled = explicit == null || explicit.isBlank() ? embedded : Boolean.parseBoolean(explicit);
    }

    public boolean enabled() {
        return enabled;
    }
}
