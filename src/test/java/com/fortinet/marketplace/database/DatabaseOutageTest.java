package com.fortinet.marketplace.database;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 item 8: the database stops while clients use the portal. Every request answers at once with 503 and
 * Retry-After (a problem document in the API, the portal's own page elsewhere), never a 500 or a hang until the
 * pool's old 30 s timeout; liveness stays UP and readiness goes DOWN; when the database is back the portal serves
 * again without a restart, sessions included.
 */
@PortalTest
class DatabaseOutageTest {

    static final Map<String, String> HTMX = Map.of("HX-Request", "true");

    @LocalServerPort int port;
    @Autowired EmbeddedMariaDb db;
    @Autowired AccountRepository accounts;

    record Answer(String what, int status, long millis) {
    }

    @Test
    void anOutageAnswers503AndThePortalRecoversByItself() throws Exception {
        long globex = accountId("Globex");
        long acme = accountId("Acme");
        ApiClient alice = new ApiClient(port, "demo-alice");
        ApiClient bob = new ApiClient(port, "demo-bob");
        ApiClient anonymous = new ApiClient(port, null);
        WebSession aliceWeb = WebSession.signedIn(port, "alice@acme.demo.test");
        assertThat(aliceWeb.get("/accounts").status()).isEqualTo(200);

        ConcurrentLinkedQueue<Answer> load = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch unavailableSeen = new CountDownLatch(8);
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            boolean api = c % 2 == 0;
            clients.add(CompletableFuture.runAsync(() -> {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    int status = api ? alice.get("/api/v1/accounts").status() : aliceWeb.get("/accounts").status();
                    load.add(new Answer(api ? "API" : "page", status, (System.nanoTime() - t0) / 1_000_000));
                    if (status == 503) {
                        unavailableSeen.countDown();
                    }
                }
            }));
        }
        List<Answer> outage = new ArrayList<>();
        try {
            db.stopServer();
            assertThat(unavailableSeen.await(2, TimeUnit.MINUTES)).as("503s while the database is down").isTrue();

            var api = timed("API GET", () -> alice.get("/api/v1/accounts"), outage);
            assertThat(api.status()).isEqualTo(503);
            assertThat(api.isProblem()).as(api.toString()).isTrue();
            assertThat(api.header("Retry-After")).isEqualTo("10");
            assertThat(api.json().get("title").asString()).isEqualTo("Service unavailable");
            assertThat(api.json().get("instance").asString()).isEqualTo("/api/v1/accounts");

            var transfer = timed("API POST transfer", () -> bob.post("/api/v1/accounts/" + globex + "/flex-transfers",
                    Map.of("points", 1), Map.of("Idempotency-Key", UUID.randomUUID().toString())), outage);
            assertThat(transfer.status()).as(transfer.toString()).isEqualTo(503);
            assertThat(transfer.isProblem()).isTrue();

            long t0 = System.nanoTime();
            WebSession.Page page = aliceWeb.get("/accounts");
            outage.add(new Answer("page GET", page.status(), (System.nanoTime() - t0) / 1_000_000));
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.header("Retry-After")).isEqualTo("10");
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains("Temporarily unavailable").contains("can't reach its database");

            t0 = System.nanoTime();
            WebSession.Page fragment = aliceWeb.get("/accounts/" + acme + "/marketplace?part=units", HTMX);
            outage.add(new Answer("htmx GET", fragment.status(), (System.nanoTime() - t0) / 1_000_000));
            assertThat(fragment.status()).isEqualTo(503);

            t0 = System.nanoTime();
            WebSession stranger = new WebSession(port);
            WebSession.Page login = stranger.get("/login");
            outage.add(new Answer("GET /login", login.status(), (System.nanoTime() - t0) / 1_000_000));
            assertThat(login.status()).isIn(200, 503);
            t0 = System.nanoTime();
            WebSession.Page signIn = stranger.post("/login", Map.of("username", "bob@globex.demo.test", "password", "demo"));
            outage.add(new Answer("POST /login", signIn.status(), (System.nanoTime() - t0) / 1_000_000));
            assertThat(signIn.status()).as("signing in while the database is down").isEqualTo(503);

            assertThat(timed("liveness", () -> anonymous.get("/actuator/health/liveness"), outage).status()).isEqualTo(200);
            var readiness = timed("readiness", () -> anonymous.get("/actuator/health/readiness"), outage);
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
        } finally {
            db.startServer();
        }

        // back without a restart: the pool reconnects, the session is still there
        int attempts = 0;
        ApiClient.Response again;
        do {
            again = alice.get("/api/v1/accounts");
            attempts++;
        } while (again.status() == 503 && attempts < 20);
        stop.set(true);
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        assertThat(again.status()).as("after %d attempts", attempts).isEqualTo(200);
        assertThat(aliceWeb.get("/accounts").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(bob.post("/api/v1/accounts/" + globex + "/flex-transfers", Map.of("points", 1),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).status()).isEqualTo(201);

        assertThat(load).extracting(Answer::status).as("answers under load").containsOnly(200, 503);
        List<Answer> unavailable = new ArrayList<>(outage);
        load.stream().filter(a -> a.status() == 503).forEach(unavailable::add);
        System.out.printf("Database outage: %d answers under load (%d x 503), slowest 503 %d ms; %s; recovered after %d "
                        + "request(s)%n", load.size(), load.stream().filter(a -> a.status() == 503).count(),
                unavailable.stream().mapToLong(Answer::millis).max().orElse(0), outage, attempts);
    }

    private long accountId(String name) {
        return accounts.findAllByOrderByName().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow().getId();
    }

    private static ApiClient.Response timed(String what, java.util.function.Supplier<ApiClient.Response> call,
                                            List<Answer> log) {
        long t0 = System.nanoTime();
        ApiClient.Response r = call.get();
        log.add(new Answer(what, r.status(), (System.nanoTime() - t0) / 1_000_000));
        return r;
    }
}
