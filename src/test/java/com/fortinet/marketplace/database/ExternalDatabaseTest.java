package com.fortinet.marketplace.database;

import com.fortinet.marketplace.PortalApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the external-database configuration: the portal started with SPRING_DATASOURCE_URL pointing at a real
 * MariaDB/MySQL server migrates a fresh schema, starts no embedded server and adds no demo data.
 * Runs when PORTAL_EXTERNAL_DB_URL is set (.ci/run sets it to the machine's MariaDB).
 */
@EnabledIfEnvironmentVariable(named = "PORTAL_EXTERNAL_DB_URL", matches = ".+")
class ExternalDatabaseTest {

    @Test
    void portalRunsOnAnExternalDatabase() throws Exception {
        String url = System.getenv("PORTAL_EXTERNAL_DB_URL");
        String user = System.getenv().getOrDefault("PORTAL_EXTERNAL_DB_USERNAME", "root");
        String password = System.getenv().getOrDefault("PORTAL_EXTERNAL_DB_PASSWORD", "");
        String database = "portal_it_" + UUID.randomUUID().toString().substring(0, 8);
        String dbUrl = url.replaceFirst("(//[^/]+/)[^?]*", "$1" + database);

        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4");
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PortalApplication.class)
                .run("--spring.datasource.url=" + dbUrl, "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password, "--server.port=0",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
            assertThat(app.getBeansOfType(EmbeddedMariaDb.class)).isEmpty();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select database()", String.class)).isEqualTo(database);
            assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success = 1", Integer.class))
                    .isGreaterThanOrEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from users", Integer.class))
                    .as("no demo data on an external database").isZero();

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpClient http = HttpClient.newHttpClient();
            var login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("Sign in");
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.createStatement().execute("DROP DATABASE IF EXISTS `" + database + "`");
            }
        }
    }
}
