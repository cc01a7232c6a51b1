package com.fortinet.marketplace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PortalApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(PortalApplication.class, args);
        } catch (RuntimeException e) {
            // The embedded database's process threads would keep a failed JVM alive; exiting runs its shutdown hook.
            System.exit(1);
        }
    }
}
