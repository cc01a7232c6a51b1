package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class OrderApiTest {

    @LocalServerPort int port;
    @Autowired MarketFixtures fx;
    @Autowired JdbcTemplate jdbc;
    @Autowired BusinessClock clock;

    static Map<String, Object> renewBody(Account a, String serial) {
        return Map.of("accountId", a.getId(), "type", "RENEW",
                "lines", List.of(Map.of("serialNumber", serial, "service", "FC247", "termMonths", 12)));
    }

    @Test
    void previewThenPlaceThenReadTheOrder() {
        Account a = fx.customer("API order");
        var api = new ApiClient(port, fx.apiKey(fx.user(a, Permission.READ_WRITE)));
        fx.points(a, "FC-10-FPNTS-1K");
        String serial = fx.unit(a, "FGT60F", "HQ", -47, "FC247");
        String start = clock.today().minusDays(47).toString();

        var preview = api.post("/api/v1/orders/preview", renewBody(a, serial));
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        var line = preview.json().get("lines").get(0);
        assertThat(line.get("startDate").asString()).isEqualTo(start);
        assertThat(line.get("backdatedDays").asInt()).isEqualTo(47);
        assertThat(line.get("points").asLong()).isEqualTo(180);
        assertThat(preview.json().get("totalPoints").asLong()).isEqualTo(180);
        assertThat(preview.json().get("balance").asLong()).isEqualTo(1000);
        assertThat(preview.json().get("sufficient").asBoolean()).isTrue();
        assertThat(preview.json().get("shortfall").asLong()).isZero();

        String key = UUID.randomUUID().toString();
        var placed = api.post("/api/v1/orders", renewBody(a, serial), Map.of("Idempotency-Key", key));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String txn = placed.json().get("transactionNumber").asString();
        assertThat(txn).startsWith("FMP-");
        assertThat(placed.json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(placed.json().get("totalPoints").asLong()).isEqualTo(180);
        assertThat(placed.json().get("lines").get(0).get("backdatedDays").asInt()).isEqualTo(47);

        var replay = api.post("/api/v1/orders", renewBody(a, serial), Map.of("Idempotency-Key", key));
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().get("transactionNumber").asString()).isEqualTo(txn);

        var read = api.get("/api/v1/orders/" + txn);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("lines").get(0).get("serialNumber").asString()).isEqualTo(serial);
        assertThat(new ApiClient(port, "demo-bob").get("/api/v1/orders/" + txn).status()).isEqualTo(404);
        assertThat(new ApiClient(port, "demo-staff").get("/api/v1/orders/" + txn).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/orders/FMP-1999-000001").status()).isEqualTo(404);
        LedgerInvariants.assertHold(jdbc, a.getId());
    }

    @Test
    void insufficientPointsIsA422AndChangesNothing() {
        Account a = fx.customer("API poor");
        var api = new ApiClient(port, fx.apiKey(fx.user(a, Permission.READ_WRITE)));
        String serial = fx.unit(a, "FGT400F", "DC", 10, "FC247");

        var preview = api.post("/api/v1/orders/preview", renewBody(a, serial));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("sufficient").asBoolean()).isFalse();
        assertThat(preview.json().get("shortfall").asLong()).isEqualTo(2800);

        var r = api.post("/api/v1/orders", renewBody(a, serial), Map.of("Idempotency-Key", "poor-1"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("title").asString()).isEqualTo("Insufficient points");
        assertThat(jdbc.queryForObject("select count(*) from orders where account_id = ?", Long.class, a.getId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from service_contracts c join units u on u.id = c.unit_id where u.account_id = ?",
                Long.class, a.getId())).isEqualTo(1);
    }

    @Test
    void policyRefusalsAre422WithOneErrorPerLine() {
        Account a = fx.customer("API refusals");
        var api = new ApiClient(port, fx.apiKey(fx.user(a, Permission.READ_WRITE)));
        fx.points(a, "FC-10-FPNTS-5K");
        String active = fx.unit(a, "FGT60F", null, 100, "FC247", "UTP");
        String lapsed = fx.unit(a, "FGT60F", "HQ", -20, "UTP");
        Account other = fx.customer("Someone else");
        String foreign = fx.unit(other, "FGT60F", "HQ", 10, "FC247");

        var body = Map.of("accountId", a.getId(), "type", "RENEW", "lines", List.of(
                Map.of("serialNumber", active, "service", "FG-60F"),
                Map.of("serialNumber", active, "service", "PRMA"),
                Map.of("serialNumber", foreign, "service", "FC247"),
                Map.of("serialNumber", active, "service", "FC247", "termMonths", 24)));
        var r = api.post("/api/v1/orders/preview", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().get("title").asString()).isEqualTo("Order refused");
        var errors = r.json().get("errors");
        assertThat(errors.size()).isEqualTo(4);
        assertThat(errors.get(0).get("message").asString()).isEqualTo("Hardware can't be bought with FortiPoints: buy it "
                + "through your usual channel and register it; then renew its services here.");
        assertThat(errors.get(1).get("message").asString()).contains("PRMA needs the unit's location");
        assertThat(errors.get(2).get("message").asString()).contains("is not registered on this account");
        assertThat(errors.get(3).get("message").asString()).contains("12, 36 or 60");

        var upgradeLapsed = api.post("/api/v1/orders", Map.of("accountId", a.getId(), "type", "UPGRADE",
                "lines", List.of(Map.of("serialNumber", lapsed, "service", "UTP", "newService", "ENT"))),
                Map.of("Idempotency-Key", "up-1"));
        assertThat(upgradeLapsed.status()).isEqualTo(422);
        assertThat(upgradeLapsed.json().get("detail").asString()).contains("must be renewed, not upgraded");

        // DESIGN §3.2: a line already covered to the co-term date is left out (0 points, the reason given); an order
        // with no line left is refused and changes nothing.
        var coterm = api.post("/api/v1/orders/preview", Map.of("accountId", a.getId(), "type", "COTERM",
                "targetEndDate", clock.today().plusDays(50).toString(),
                "lines", List.of(Map.of("serialNumber", active, "service", "FC247"))));
        assertThat(coterm.status()).as(coterm.toString()).isEqualTo(200);
        assertThat(coterm.json().get("totalPoints").asLong()).isZero();
        assertThat(coterm.json().get("lines").get(0).get("points").asLong()).isZero();
        assertThat(coterm.json().get("lines").get(0).get("explanation").asString()).contains("Left out: already covered until");
        var nothingLeft = api.post("/api/v1/orders", Map.of("accountId", a.getId(), "type", "COTERM",
                "targetEndDate", clock.today().plusDays(50).toString(),
                "lines", List.of(Map.of("serialNumber", active, "service", "FC247"))), Map.of("Idempotency-Key", "co-1"));
        assertThat(nothingLeft.status()).isEqualTo(422);
        assertThat(nothingLeft.json().get("title").asString()).isEqualTo("Nothing to order");
        assertThat(jdbc.queryForObject("select count(*) from orders where account_id = ?", Long.class, a.getId())).isZero();
    }

    @Test
    void scopeAndPermissionAnswersAreProblems() {
        Account a = fx.customer("API scope");
        var ro = new ApiClient(port, fx.apiKey(fx.user(a, Permission.READ_ONLY)));
        String serial = fx.unit(a, "FGT60F", "HQ", 10, "FC247");
        var forbidden = ro.post("/api/v1/orders", renewBody(a, serial), Map.of("Idempotency-Key", "ro-1"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.isProblem()).isTrue();
        var outside = new ApiClient(port, "demo-bob").post("/api/v1/orders/preview", renewBody(a, serial));
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.isProblem()).isTrue();
        var staff = new ApiClient(port, "demo-staff").post("/api/v1/orders", renewBody(a, serial), Map.of("Idempotency-Key", "s-1"));
        assertThat(staff.status()).isEqualTo(403);
        var noLines = ro.post("/api/v1/orders/preview", Map.of("accountId", a.getId(), "type", "RENEW", "lines", List.of()));
        assertThat(noLines.status()).isEqualTo(400);
        var noKey = new ApiClient(port, fx.apiKey(fx.user(a, Permission.READ_WRITE))).post("/api/v1/orders", renewBody(a, serial));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("detail").asString()).contains("Idempotency-Key");
    }

    @Test
    void openApiDescriptionIncludesTheMarketplace() {
        var r = new ApiClient(port, null).get("/v3/api-docs");
        assertThat(r.status()).as(r.toString().substring(0, Math.min(500, r.toString().length()))).isEqualTo(200);
        assertThat(r.body()).contains("/api/v1/orders/preview", "/api/v1/accounts/{accountId}/units", "/api/v1/price-list");
    }
}
