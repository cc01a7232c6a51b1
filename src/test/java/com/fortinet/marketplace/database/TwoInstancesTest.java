package com.fortinet.marketplace.database;

import com.fortinet.marketplace.PortalApplication;
import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.flex.FlexProgramService;
import com.fortinet.marketplace.flex.FlexProgramType;
import com.fortinet.marketplace.orders.MarketFixtures;
import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 item 10: a second portal instance on the same database (its own Spring context, Tomcat and pool, as a
 * second process behind a load balancer would be): it migrates and seeds nothing again, shares the sessions, and
 * spends through both instances, including one key sent to both at once, charge once and keep the ledger invariants.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    @LocalServerPort int port;
    @Autowired EmbeddedMariaDb db;
    @Autowired JdbcTemplate jdbc;
    @Autowired MarketFixtures market;
    @Autowired FlexProgramService programs;
    @Autowired BusinessClock clock;

    ConfigurableApplicationContext second;
    int secondPort;
    long migrationsBefore;
    long seedsBefore;
    long usersBefore;

    @BeforeAll
    void startTheSecondInstance() {
        migrationsBefore = count("select count(*) from flyway_schema_history");
        seedsBefore = count("select count(*) from demo_seeds");
        usersBefore = count("select count(*) from users");
        second = new SpringApplicationBuilder(PortalApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(), "--portal.demo.enabled=true",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
    }

    @AfterAll
    void stopTheSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void theSecondInstanceMigratesAndSeedsNothingAgain() {
        assertThat(second.getBeansOfType(EmbeddedMariaDb.class)).as("no second database server").isEmpty();
        assertThat(count("select count(*) from flyway_schema_history")).isEqualTo(migrationsBefore);
        assertThat(count("select count(*) from demo_seeds")).isEqualTo(seedsBefore);
        assertThat(count("select count(*) from users")).isEqualTo(usersBefore);
        assertThat(new ApiClient(secondPort, null).get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void aSessionStartedOnOneInstanceWorksOnTheOtherAndEndsOnBoth() {
        WebSession onFirst = WebSession.signedIn(port, "alice@acme.demo.test");
        WebSession onSecond = onFirst.on(secondPort);
        var page = onSecond.get("/accounts");
        assertThat(page.status()).as("signed in on the other instance").isEqualTo(200);
        assertThat(page.body()).contains("Acme");

        assertThat(onSecond.post("/logout", Map.of()).status()).isEqualTo(302);
        assertThat(onFirst.get("/accounts").status()).as("signed out on both").isEqualTo(302);
    }

    @Test
    void spendsThroughBothInstancesChargeOnceAndKeepTheInvariants() throws Exception {
        Account a = market.customer("Two instances");
        market.points(a, "FC-10-FPNTS-10K");
        programs.create(a.getId(), FlexProgramType.PREPAID, null, clock.today().minusDays(10), clock.today().plusYears(1), null);
        String key = market.apiKey(market.user(a, Permission.READ_WRITE));
        List<ApiClient> instances = List.of(new ApiClient(port, key), new ApiClient(secondPort, key));
        String path = "/api/v1/accounts/" + a.getId() + "/flex-transfers";

        // 8 clients, 10 transfers each, alternating between the instances
        List<CompletableFuture<List<Integer>>> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            int client = c;
            clients.add(CompletableFuture.supplyAsync(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    statuses.add(instances.get((client + i) % 2).post(path, Map.of("points", 10),
                            Map.of("Idempotency-Key", UUID.randomUUID().toString())).status());
                }
                return statuses;
            }));
        }
        for (var c : clients) {
            assertThat(c.get(5, TimeUnit.MINUTES)).containsOnly(201);
        }

        // one key sent to both instances at the same moment, three times each
        String shared = "both-" + UUID.randomUUID();
        CyclicBarrier start = new CyclicBarrier(6);
        List<CompletableFuture<ApiClient.Response>> racing = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ApiClient instance = instances.get(i % 2);
            racing.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(1, TimeUnit.MINUTES);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return instance.post(path, Map.of("points", 25), Map.of("Idempotency-Key", shared));
            }));
        }
        List<String> firstAnswers = new ArrayList<>();
        for (var r : racing) {
            ApiClient.Response response = r.get(2, TimeUnit.MINUTES);
            assertThat(response.status()).as(response.toString()).isIn(201, 409);
            if (response.status() == 201) {
                firstAnswers.add(response.body());
            }
        }
        assertThat(firstAnswers).isNotEmpty().containsOnly(firstAnswers.get(0));
        // afterwards either instance answers the first result
        for (ApiClient instance : instances) {
            var again = instance.post(path, Map.of("points", 25), Map.of("Idempotency-Key", shared));
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.body()).isEqualTo(firstAnswers.get(0));
        }

        assertThat(count("select count(*) from flex_transfers where account_id = " + a.getId())).isEqualTo(81);
        assertThat(count("select coalesce(sum(forti_points_spent), 0) from flex_transfers where account_id = " + a.getId()))
                .isEqualTo(825);
        assertThat(LedgerInvariants.spendableBalance(jdbc, a.getId(), clock.today())).isEqualTo(10_000 - 825);
        LedgerInvariants.assertHold(jdbc, a.getId());
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
