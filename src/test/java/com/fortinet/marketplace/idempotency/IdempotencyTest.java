package com.fortinet.marketplace.idempotency;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.User;
import com.fortinet.marketplace.flex.FlexProgramService;
import com.fortinet.marketplace.flex.FlexProgramType;
import com.fortinet.marketplace.orders.MarketFixtures;
import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.points.RegistrationCodes;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §9 over every idempotent endpoint, pages and API, through real HTTP: the same key and request answer the
 * first result again, a different request with the key is 422 and changes nothing, keys are case-sensitive and at
 * most 100 characters, and concurrent requests with one key take effect once.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyTest {

    @LocalServerPort int port;
    @Autowired MarketFixtures market;
    @Autowired FlexProgramService programs;
    @Autowired RegistrationCodes codes;
    @Autowired JdbcTemplate jdbc;
    @Autowired BusinessClock clock;

    /** What came back: status, body (API) or redirect target (pages), and the replay header. */
    record Reply(int status, String body, String location, String replayed, String contentType) {
        boolean succeeded() {
            return status == 200 || status == 201 || status == 302;
        }
    }

    /** One endpoint on fresh data: two different requests 'A' and 'B', and how many effects its account shows. */
    interface Target {
        Reply send(String key, char variant);

        long effects();

        long accountId();
    }

    record Endpoint(String name, boolean page, Supplier<Target> prepare) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("POST /api/v1/orders", false, this::orderApi),
                new Endpoint("POST /api/v1/accounts/{id}/flex-transfers", false, this::transferApi),
                new Endpoint("POST /api/v1/accounts/{id}/packs", false, this::registrationApi),
                new Endpoint("POST /api/v1/admin/accounts/{id}/packs/import", false, this::importApi),
                new Endpoint("POST /api/v1/accounts/{id}/flex/packs", false, this::flexPackApi),
                new Endpoint("POST /api/v1/admin/accounts/{id}/flex-program/extensions", false, this::extensionApi),
                new Endpoint("POST /api/v1/accounts/{id}/flex/configs", false, this::configApi),
                new Endpoint("page: place order", true, this::orderPage),
                new Endpoint("page: FortiFlex transfer", true, this::transferPage),
                new Endpoint("page: register points", true, this::registrationPage),
                new Endpoint("page: register a FortiFlex points pack", true, this::flexPackPage),
                new Endpoint("page: admin extends a FortiFlex program", true, this::extensionPage));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void theSameKeyAndRequestAnswerTheFirstResultAgain(Endpoint endpoint) {
        Target t = endpoint.prepare().get();
        Reply first = t.send("same-1", 'A');
        Reply again = t.send("same-1", 'A');

        assertThat(first.succeeded()).as(first.toString()).isTrue();
        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.location()).isEqualTo(first.location());
        if (!endpoint.page()) {
            assertThat(first.replayed()).isNull();
            assertThat(again.replayed()).isEqualTo("true");
        }
        assertThat(t.effects()).isEqualTo(1);
        LedgerInvariants.assertHold(jdbc, t.accountId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void theSameKeyWithADifferentRequestIs422AndChangesNothing(Endpoint endpoint) {
        Target t = endpoint.prepare().get();
        assertThat(t.send("reused-1", 'A').succeeded()).isTrue();
        long ledgerRows = ledgerRows(t.accountId());

        Reply other = t.send("reused-1", 'B');

        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        if (!endpoint.page()) {
            assertThat(other.contentType()).startsWith("application/problem+json");
            assertThat(other.body()).contains("Idempotency-Key was already used for a different request");
        }
        assertThat(t.effects()).isEqualTo(1);
        assertThat(ledgerRows(t.accountId())).isEqualTo(ledgerRows);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void keysAreCaseSensitive(Endpoint endpoint) {
        Target t = endpoint.prepare().get();
        Reply lower = t.send("a", 'A');
        Reply upper = t.send("A", 'B');

        assertThat(lower.succeeded()).as(lower.toString()).isTrue();
        assertThat(upper.succeeded()).as("'A' is not the key 'a': " + upper).isTrue();
        assertThat(upper.replayed()).isNull();
        assertThat(t.effects()).isEqualTo(2);
        LedgerInvariants.assertHold(jdbc, t.accountId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void keysHaveAtMost100Characters(Endpoint endpoint) {
        Target t = endpoint.prepare().get();
        Reply tooLong = t.send("k".repeat(101), 'A');

        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        if (!endpoint.page()) {
            assertThat(tooLong.contentType()).startsWith("application/problem+json");
            assertThat(tooLong.body()).contains("\"field\":\"Idempotency-Key\"").contains("at most 100 characters");
        }
        assertThat(t.effects()).isZero();

        Reply longest = t.send("\u00e9".repeat(100), 'A');
        assertThat(longest.succeeded()).as(longest.toString()).isTrue();
        assertThat(t.send("\u00e9".repeat(100), 'A').location()).isEqualTo(longest.location());
        assertThat(t.effects()).isEqualTo(1);
    }

    /** A double submit racing itself: one effect; every other answer is the first result or "still running". */
    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void concurrentRequestsWithOneKeyTakeEffectOnce(Endpoint endpoint) throws Exception {
        Target t = endpoint.prepare().get();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            replies.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return t.send("racing-1", 'A');
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(3, TimeUnit.MINUTES)).isTrue();

        List<Reply> succeeded = new ArrayList<>();
        for (Future<Reply> f : replies) {
            Reply r = f.get();
            assertThat(r.status()).as(r.toString()).isIn(200, 201, 302, 409);
            if (r.succeeded()) {
                succeeded.add(r);
            }
        }
        assertThat(succeeded).isNotEmpty();
        assertThat(succeeded).extracting(Reply::body).containsOnly(succeeded.get(0).body());
        assertThat(succeeded).extracting(Reply::location).containsOnly(succeeded.get(0).location());
        assertThat(t.effects()).isEqualTo(1);
        LedgerInvariants.assertHold(jdbc, t.accountId());
    }

    // ---- the endpoints

    record Customer(Account account, User user, String apiKey) {
    }

    Customer customer(String name) {
        Account a = market.customer(name);
        User u = market.user(a, Permission.READ_WRITE);
        market.points(a, "FC-10-FPNTS-10K");
        return new Customer(a, u, market.apiKey(u));
    }

    Target orderApi() {
        Customer c = customer("Idempotent order");
        String serial = market.unit(c.account(), "FGT60F", "HQ", 30, "FC247");
        ApiClient api = new ApiClient(port, c.apiKey());
        return target(c.account().getId(), "select count(*) from orders where paying_account_id = ?", (key, v) ->
                api(api.post("/api/v1/orders", Map.of("accountId", c.account().getId(), "type", "RENEW", "lines",
                        List.of(Map.of("serialNumber", serial, "service", "FC247", "termMonths", v == 'A' ? 12 : 36))), headers(key))));
    }

    Target transferApi() {
        Customer c = customer("Idempotent transfer");
        programs.create(c.account().getId(), FlexProgramType.PREPAID, null, clock.today().minusDays(30),
                clock.today().plusYears(1), null);
        ApiClient api = new ApiClient(port, c.apiKey());
        return target(c.account().getId(), "select count(*) from flex_transfers where account_id = ?", (key, v) ->
                api(api.post("/api/v1/accounts/" + c.account().getId() + "/flex-transfers",
                        Map.of("points", v == 'A' ? 100 : 200), headers(key))));
    }

    Target registrationApi() {
        Customer c = customer("Idempotent registration");
        Map<Character, String> code = twoCodes();
        ApiClient api = new ApiClient(port, c.apiKey());
        return target(c.account().getId(), "select count(*) - 1 from point_packs where account_id = ?", (key, v) ->
                api(api.post("/api/v1/accounts/" + c.account().getId() + "/packs",
                        Map.of("registrationCode", code.get(v)), headers(key))));
    }

    Target importApi() {
        Customer c = customer("Idempotent import");
        ApiClient admin = new ApiClient(port, "demo-admin");
        return target(c.account().getId(), "select count(*) - 1 from point_packs where account_id = ?", (key, v) ->
                api(admin.post("/api/v1/admin/accounts/" + c.account().getId() + "/packs/import",
                        Map.of("sku", "FC-10-FPNTS-1K", "registeredAt", clock.today().minusDays(v == 'A' ? 10 : 20).toString()),
                        headers(key))));
    }

    static final String FLEX_POINTS_SKU = "LIC-ELAVM-10K";
    static final String EXTENSIONS = "select count(*) from flex_program_changes c join flex_programs p on p.id = c.program_id "
            + "where p.account_id = ? and c.change_kind = 'EXTENDED'";

    Target flexPackApi() {
        Customer c = customer("Idempotent FortiFlex pack");
        prepaidProgram(c);
        Map<Character, String> code = twoCodes(FLEX_POINTS_SKU);
        ApiClient api = new ApiClient(port, c.apiKey());
        return target(c.account().getId(), "select count(*) from flex_packs where account_id = ?", (key, v) ->
                api(api.post("/api/v1/accounts/" + c.account().getId() + "/flex/packs",
                        Map.of("registrationCode", code.get(v)), headers(key))));
    }

    Target extensionApi() {
        Customer c = customer("Idempotent extension");
        prepaidProgram(c);
        ApiClient admin = new ApiClient(port, "demo-admin");
        return target(c.account().getId(), EXTENSIONS, (key, v) ->
                api(admin.post("/api/v1/admin/accounts/" + c.account().getId() + "/flex-program/extensions",
                        Map.of("months", v == 'A' ? 12 : 36), headers(key))));
    }

    /** FortiFlex configurations and entitlements go through idempotency via flex.FlexIdempotency. */
    Target configApi() {
        Customer c = customer("Idempotent configuration");
        prepaidProgram(c);
        ApiClient api = new ApiClient(port, c.apiKey());
        return target(c.account().getId(), "select count(*) from flex_configs where account_id = ?", (key, v) ->
                api(api.post("/api/v1/accounts/" + c.account().getId() + "/flex/configs", Map.of("name", "FGT", "productTypeId", 1,
                        "parameters", List.of(Map.of("id", 1, "value", v == 'A' ? "1" : "2"), Map.of("id", 2, "value", "FC"))),
                        headers(key))));
    }

    Target flexPackPage() {
        Customer c = customer("Idempotent FortiFlex pack page");
        prepaidProgram(c);
        Map<Character, String> code = twoCodes(FLEX_POINTS_SKU);
        String path = "/accounts/" + c.account().getId() + "/flex/packs/register";
        WebSession web = signedIn(c, path);
        return target(c.account().getId(), "select count(*) from flex_packs where account_id = ?", (key, v) ->
                page(web.post(path, Map.of("registrationCode", code.get(v), "idempotencyKey", key))));
    }

    Target extensionPage() {
        Customer c = customer("Idempotent extension page");
        long programId = prepaidProgram(c);
        WebSession admin = WebSession.signedIn(port, "admin@demo.test");
        String path = "/admin/flex-programs/" + programId;
        assertThat(admin.get(path).status()).isEqualTo(200);
        return target(c.account().getId(), EXTENSIONS, (key, v) ->
                page(admin.post(path + "/extend", Map.of("months", v == 'A' ? "12" : "36", "idempotencyKey", key))));
    }

    long prepaidProgram(Customer c) {
        return programs.create(c.account().getId(), FlexProgramType.PREPAID, null, clock.today().minusDays(30),
                clock.today().plusYears(1), null).id();
    }

    Target orderPage() {
        Customer c = customer("Idempotent order page");
        String serial = market.unit(c.account(), "FGT60F", "HQ", 30, "FC247");
        String path = "/accounts/" + c.account().getId() + "/marketplace";
        WebSession web = signedIn(c, path);
        return target(c.account().getId(), "select count(*) from orders where paying_account_id = ?", (key, v) ->
                page(web.post(path + "/orders", Map.of("serial", serial, "type", "RENEW", "service", "FC247",
                        "term", v == 'A' ? "12" : "36", "token", key))));
    }

    Target transferPage() {
        Customer c = customer("Idempotent transfer page");
        programs.create(c.account().getId(), FlexProgramType.PREPAID, null, clock.today().minusDays(30),
                clock.today().plusYears(1), null);
        String path = "/accounts/" + c.account().getId() + "/flex/transfer";
        WebSession web = signedIn(c, path);
        return target(c.account().getId(), "select count(*) from flex_transfers where account_id = ?", (key, v) ->
                page(web.post(path, Map.of("points", v == 'A' ? "100" : "200", "token", key))));
    }

    Target registrationPage() {
        Customer c = customer("Idempotent registration page");
        Map<Character, String> code = twoCodes();
        String path = "/accounts/" + c.account().getId() + "/points/register";
        WebSession web = signedIn(c, path);
        return target(c.account().getId(), "select count(*) - 1 from point_packs where account_id = ?", (key, v) ->
                page(web.post(path, Map.of("registrationCode", code.get(v), "idempotencyKey", key))));
    }

    // ---- helpers

    interface Send {
        Reply send(String key, char variant);
    }

    Target target(long accountId, String effectsSql, Send send) {
        return new Target() {
            @Override
            public Reply send(String key, char variant) {
                return send.send(key, variant);
            }

            @Override
            public long effects() {
                return jdbc.queryForObject(effectsSql, Long.class, accountId);
            }

            @Override
            public long accountId() {
                return accountId;
            }
        };
    }

    WebSession signedIn(Customer c, String formPage) {
        WebSession web = WebSession.signedIn(port, c.user().getEmail(), MarketFixtures.PASSWORD);
        assertThat(web.get(formPage).status()).isEqualTo(200); // the form's CSRF token
        return web;
    }

    Map<Character, String> twoCodes() {
        return twoCodes("FC-10-FPNTS-1K");
    }

    Map<Character, String> twoCodes(String sku) {
        var batch = codes.issue(sku, 2, "idempotency test", null);
        List<RegistrationCodes.Code> issued = codes.codesOf(batch.id());
        Map<Character, String> byVariant = new HashMap<>();
        byVariant.put('A', issued.get(0).display());
        byVariant.put('B', issued.get(1).display());
        return byVariant;
    }

    static Map<String, String> headers(String key) {
        return Map.of(Idempotency.HEADER, key);
    }

    static Reply api(ApiClient.Response r) {
        return new Reply(r.status(), r.body(), null, r.header(Idempotency.REPLAYED_HEADER), r.contentType());
    }

    static Reply page(WebSession.Page p) {
        return new Reply(p.status(), null, p.status() == 302 ? p.location() : null, p.header(Idempotency.REPLAYED_HEADER),
                String.valueOf(p.header("Content-Type")));
    }

    long ledgerRows(long accountId) {
        return jdbc.queryForObject("select count(*) from points_ledger where account_id = ?", Long.class, accountId);
    }
}
