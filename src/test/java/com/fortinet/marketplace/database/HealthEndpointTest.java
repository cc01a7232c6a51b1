package com.fortinet.marketplace.database;

import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 9 item 9: /actuator/health with liveness and readiness, without sessions, and no other actuator endpoint. */
@PortalTest
class HealthEndpointTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    @Test
    void healthLivenessAndReadinessAreUpWithoutCreatingSessions() {
        ApiClient anonymous = new ApiClient(port, null);
        long sessions = sessions();
        for (int i = 0; i < 20; i++) {
            for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
                var r = anonymous.get(path);
                assertThat(r.status()).as(path + " " + r).isEqualTo(200);
                assertThat(r.json().get("status").asString()).isEqualTo("UP");
                assertThat(r.header("Set-Cookie")).as("no session cookie from " + path).isNull();
            }
        }
        assertThat(sessions()).as("no session rows written by probes").isEqualTo(sessions);
    }

    @Test
    void nothingElseOfTheActuatorIsExposed() {
        ApiClient anonymous = new ApiClient(port, null);
        ApiClient admin = new ApiClient(port, "demo-admin");
        for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/info", "/actuator/metrics",
                "/actuator/configprops", "/actuator/loggers", "/actuator/heapdump", "/actuator/health/db",
                "/actuator/health/database")) {
            assertThat(anonymous.get(path).status()).as(path).isIn(401, 403, 404);
            assertThat(admin.get(path).status()).as(path + " with an admin key").isIn(401, 403, 404);
        }
        var details = anonymous.get("/actuator/health/readiness").body();
        assertThat(details).doesNotContain("components").doesNotContain("details");
    }

    private long sessions() {
        return jdbc.queryForObject("select count(*) from SPRING_SESSION", Long.class);
    }
}
