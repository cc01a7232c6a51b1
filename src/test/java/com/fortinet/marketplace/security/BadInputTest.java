package com.fortinet.marketplace.security;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.User;
import com.fortinet.marketplace.flex.FlexProgramService;
import com.fortinet.marketplace.flex.FlexProgramType;
import com.fortinet.marketplace.orders.MarketFixtures;
import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 items 3–5: the inputs that answered 500 (or were accepted leniently) answer 400 naming the field — a
 * problem document in the API, the message next to the field on a page — and change nothing.
 */
@PortalTest
class BadInputTest {

    @LocalServerPort int port;
    @Autowired MarketFixtures market;
    @Autowired FlexProgramService programs;
    @Autowired BusinessClock clock;
    @Autowired JdbcTemplate jdbc;

    Account account;
    User user;
    ApiClient api;
    ApiClient admin;

    @BeforeEach
    void anAccountWithPointsAndAPrepaidProgram() {
        account = market.customer("Bad input");
        market.points(account, "FC-10-FPNTS-10K");
        programs.create(account.getId(), FlexProgramType.PREPAID, null, clock.today().minusDays(10),
                clock.today().plusYears(1), null);
        user = market.user(account, Permission.READ_WRITE);
        api = new ApiClient(port, market.apiKey(user));
        admin = new ApiClient(port, "demo-admin");
    }

    private long rows() {
        return jdbc.queryForObject("select (select count(*) from points_ledger) + (select count(*) from flex_ledger) "
                + "+ (select count(*) from orders) + (select count(*) from units) + (select count(*) from users) "
                + "+ (select count(*) from accounts) + (select count(*) from flex_transfers)", Long.class);
    }

    private static void assertProblem(ApiClient.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.json().get("detail").asString()).as(r.toString()).isNotBlank();
        if (field != null) {
            assertThat(r.json().has("errors")).as(r.toString()).isTrue();
            assertThat(r.json().get("errors").get(0).get("field").asString()).as(r.toString()).isEqualTo(field);
        }
    }

    @Test
    void nullItemsInListsAre400NamingTheItem() {
        long before = rows();
        String order = "{\"accountId\": " + account.getId() + ", \"type\": \"RENEW\", \"lines\": [null]}";
        assertProblem(api.post("/api/v1/orders/preview", order), 400, "lines[0]");
        assertProblem(api.post("/api/v1/orders", order, Map.of("Idempotency-Key", UUID.randomUUID().toString())), 400, "lines[0]");
        String unit = "{\"serialNumber\": \"FGT60FTK2" + MarketFixtures.suffix().substring(0, 6) + "\", \"model\": \"FGT60F\", "
                + "\"family\": \"FortiGate\", \"services\": [null]}";
        assertProblem(admin.post("/api/v1/admin/accounts/" + account.getId() + "/units", unit), 400, "services[0]");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void overlongIdempotencyKeysAre400() {
        long before = rows();
        String key = "k".repeat(101);
        assertProblem(api.post("/api/v1/accounts/" + account.getId() + "/packs", Map.of("registrationCode", "K7QF-9MZD-3XWA-PT2H-8RCE"),
                Map.of("Idempotency-Key", key)), 400, "Idempotency-Key");
        assertProblem(admin.post("/api/v1/admin/accounts/" + account.getId() + "/packs/import",
                Map.of("sku", "FC-10-FPNTS-1K", "registeredAt", clock.today().minusDays(3).toString()),
                Map.of("Idempotency-Key", key)), 400, "Idempotency-Key");
        assertProblem(api.post("/api/v1/accounts/" + account.getId() + "/flex-transfers", Map.of("points", 5),
                Map.of("Idempotency-Key", key)), 400, "Idempotency-Key");

        WebSession page = WebSession.signedIn(port, user.getEmail(), MarketFixtures.PASSWORD);
        page.get("/accounts/" + account.getId() + "/points/register");
        var form = page.post("/accounts/" + account.getId() + "/points/register",
                Map.of("registrationCode", "K7QF-9MZD-3XWA-PT2H-8RCE", "idempotencyKey", key));
        assertThat(form.status()).as(form.body()).isEqualTo(400);
        assertThat(form.body()).contains("at most 100 characters");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void passwordsAreLimitedTo72BytesWithAMessage() {
        long before = rows();
        for (String password : List.of("é".repeat(40), "\uD83D\uDE80".repeat(19), "a".repeat(73))) {
            var r = admin.post("/api/v1/admin/users", Map.of("email", "long-" + UUID.randomUUID() + "@pw.test",
                    "password", password, "role", "RENEWALS_STAFF"));
            assertProblem(r, 400, "password");
            assertThat(r.json().get("detail").asString()).contains("72 bytes");
        }
        assertThat(rows()).isEqualTo(before);

        WebSession me = WebSession.signedIn(port, user.getEmail(), MarketFixtures.PASSWORD);
        me.get("/profile");
        var change = me.post("/profile/password", Map.of("currentPassword", MarketFixtures.PASSWORD,
                "newPassword", "é".repeat(40), "confirmPassword", "é".repeat(40)));
        assertThat(change.status()).isEqualTo(400);
        assertThat(change.body()).contains("72 bytes");
        var wrongCurrent = me.post("/profile/password", Map.of("currentPassword", "é".repeat(60),
                "newPassword", "good-password-1", "confirmPassword", "good-password-1"));
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.body()).contains("Your current password is not correct.");

        WebSession adminPage = WebSession.signedIn(port, "admin@demo.test");
        adminPage.get("/admin/users/" + user.getId() + "/password");
        var reset = adminPage.post("/admin/users/" + user.getId() + "/password", Map.of("password", "\uD83D\uDE80".repeat(19)));
        assertThat(reset.status()).isEqualTo(400);
        assertThat(reset.body()).contains("72 bytes");

        // Signing in with such a password is a wrong password, not an error.
        var signIn = new WebSession(port).signIn(user.getEmail(), "é".repeat(70));
        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.location()).contains("error=bad");
        assertAlive(me);
    }

    private void assertAlive(WebSession s) {
        assertThat(s.get("/accounts/" + account.getId()).status()).isEqualTo(200);
    }

    @Test
    void hugePageNumbersShowAnEmptyPage() {
        WebSession adminPage = WebSession.signedIn(port, "admin@demo.test");
        for (String path : List.of("/accounts?page=2147483647", "/admin/accounts?page=2147483647",
                "/admin/users?page=2147483647", "/admin/accounts?page=-5")) {
            assertThat(adminPage.get(path).status()).as(path).isEqualTo(200);
        }
        WebSession mine = WebSession.signedIn(port, user.getEmail(), MarketFixtures.PASSWORD);
        assertThat(mine.get("/accounts/" + account.getId() + "/units?page=2147483647").status()).isEqualTo(200);
        assertThat(mine.get("/accounts/" + account.getId() + "/flex?page=2147483647").status()).isEqualTo(200);
        assertThat(adminPage.get("/accounts?page=99999999999").status()).as("not an int").isEqualTo(400);
    }

    @Test
    void theErrorPathAndUnknownApiPathsAreNotErrorsOfOurs() {
        WebSession s = WebSession.signedIn(port, user.getEmail(), MarketFixtures.PASSWORD);
        assertThat(s.get("/error").status()).isEqualTo(404);
        assertThat(new WebSession(port).get("/error").status()).isEqualTo(404);

        var notFound = api.get("/api/v1/no-such-thing");
        assertProblem(notFound, 404, null);
        assertThat(notFound.json().get("instance").asString()).isEqualTo("/api/v1/no-such-thing");

        var wrongMethod = api.patch("/api/v1/accounts", "{}", Map.of());
        assertProblem(wrongMethod, 405, null);
        assertThat(wrongMethod.json().get("instance").asString()).isEqualTo("/api/v1/accounts");

        var semicolon = api.get("/api/v1/accounts/" + account.getId() + ";x/points");
        assertThat(semicolon.status()).as(semicolon.toString()).isBetween(400, 404);
        assertThat(semicolon.isProblem()).isTrue();
        assertThat(semicolon.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void amountsAreWholeNumbersWrittenAsSuch() {
        long before = rows();
        String path = "/api/v1/accounts/" + account.getId() + "/flex-transfers";
        for (String body : List.of("{\"points\": 1.0}", "{\"points\": \"1\"}", "{\"points\": 1e3}", "{\"points\": 10.00}",
                "{\"points\": 1, \"points\": 1000}", "{\"points\": true}", "{\"points\": [1]}", "{\"points\": {}}",
                "{\"points\": 99999999999999999999999999}")) {
            var r = api.post(path, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertProblem(r, 400, "points");
        }
        assertProblem(api.post(path, "{\"points\": 1} trailing", Map.of("Idempotency-Key", UUID.randomUUID().toString())), 400, null);
        assertThat(rows()).isEqualTo(before);

        WebSession s = WebSession.signedIn(port, user.getEmail(), MarketFixtures.PASSWORD);
        String page = "/accounts/" + account.getId() + "/flex/transfer";
        s.get(page);
        for (String points : List.of("１２３", "1e3", "1000.0", "0x10", "١٢٣")) {
            var r = s.post(page, Map.of("points", points, "token", UUID.randomUUID().toString()));
            assertThat(r.status()).as(points).isEqualTo(400);
            assertThat(r.body()).as(points).contains("id=\"points-error\"");
        }
        assertThat(rows()).isEqualTo(before);
        LedgerInvariants.assertHold(jdbc, account.getId());
    }

    @Test
    void formsKeepMultiByteTextAsTyped() {
        WebSession adminPage = WebSession.signedIn(port, "admin@demo.test");
        adminPage.get("/admin/accounts/new");
        String name = "Société Générale 株式会社 \uD83D\uDE80 " + MarketFixtures.suffix();
        var r = adminPage.post("/admin/accounts", Map.of("name", name, "type", "CUSTOMER", "region", "EMEA"));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from accounts where name = ?", Long.class, name)).isEqualTo(1);
        WebSession me = WebSession.signedIn(port, user.getEmail(), MarketFixtures.PASSWORD);
        me.get("/profile");
        var key = me.post("/profile/api-keys", Map.of("name", "clé für 自動化"));
        assertThat(key.body()).contains("clé für 自動化");
    }

    /** Requests Tomcat refuses before any servlet runs: under /api they are problem documents too. */
    @Test
    void requestsTheServerRefusesAreProblemsUnderTheApi() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        var hugeHeader = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/accounts"))
                .header("X-Filler", "x".repeat(100_000)).header("Authorization", "Bearer demo-admin").build(),
                HttpResponse.BodyHandlers.ofString());
        assertApiProblem(hugeHeader);
        var hugeUrl = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/accounts?q=" + "x".repeat(20_000)))
                .header("Authorization", "Bearer demo-admin").build(), HttpResponse.BodyHandlers.ofString());
        assertApiProblem(hugeUrl);
        StringBuilder params = new StringBuilder("/api/v1/accounts?a0=0");
        for (int i = 1; i <= 1200; i++) {
            params.append("&a").append(i).append('=').append(i);
        }
        var manyParams = http.send(HttpRequest.newBuilder(URI.create(base + params))
                .header("Authorization", "Bearer demo-admin").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(manyParams.statusCode()).as(manyParams.body()).isIn(200, 400);
        if (manyParams.statusCode() == 400) {
            assertApiProblem(manyParams);
        }
        for (String path : List.of("/api/v1/accounts/%00/points", "/api/v1/accounts/..%2f..%2fadmin", "/api/v1/a%5cb")) {
            var r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer demo-admin")
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertApiProblem(r);
        }
    }

    private static void assertApiProblem(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isBetween(400, 499);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(r.uri() + " " + r.body())
                .startsWith("application/problem+json");
    }
}
