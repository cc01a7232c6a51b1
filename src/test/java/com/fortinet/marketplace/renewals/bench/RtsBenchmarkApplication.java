package com.fortinet.marketplace.renewals.bench;

import com.fortinet.marketplace.PortalApplication;
import org.springframework.boot.SpringApplication;

/**
 * The portal with the test classes on its class path, so the data generator ({@link LargeInstalledBase}, profile
 * {@code datagen}) and the RTS benchmark ({@link RtsBenchmark}, profile {@code benchmark}) can run; neither ships in the
 * portal's jar. {@code ./mvnw -q test-compile spring-boot:test-run -Dspring-boot.run.profiles=datagen,benchmark …}
 * (README, "Benchmark at size").
 */
public final class RtsBenchmarkApplication {

    private RtsBenchmarkApplication() {
    }

    public static void main(String[] args) {
        SpringApplication.from(PortalApplication::main).run(args);
    }
}
