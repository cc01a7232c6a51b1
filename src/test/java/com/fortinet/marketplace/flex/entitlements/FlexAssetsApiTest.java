package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.flex.FlexProgramType;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §7 rows for FortiFlex product types, calc, configurations, entitlements and token activation, over HTTP. */
@PortalTest
class FlexAssetsApiTest {

    @LocalServerPort int port;
    @Autowired AssetFixtures fixtures;
    @Autowired BusinessClock clock;
    @Autowired TestClock testClock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        testClock.reset();
    }

    ApiClient api(String key) {
        return new ApiClient(port, key);
    }

    ApiClient anonymous() {
        return new ApiClient(port, null);
    }

    ApiClient api(AssetFixtures.Customer c) {
        return api(c.apiKey());
    }

    static Map<String, Object> p(int id, Object value) {
        return Map.of("id", id, "value", value);
    }

    static void problem(ApiClient.Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as("problem document: " + r).isTrue();
        assertThat(r.json().get("title").asString()).isNotBlank();
        assertThat(r.json().get("detail").asString()).isNotBlank();
        if (field != null) {
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
    }

    String base(AssetFixtures.Customer c) {
        return "/api/v1/accounts/" + c.accountId() + "/flex";
    }

    long createConfig(AssetFixtures.Customer c, int cpus, String pkg) {
        var r = api(c).post(base(c) + "/configs", Map.of("name", "FGT " + cpus + " " + pkg, "productTypeId", 1,
                "parameters", List.of(p(1, String.valueOf(cpus)), p(2, pkg))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("configId").asLong();
    }

    List<JsonNode> createVms(AssetFixtures.Customer c, long configId, int count) {
        var r = api(c).post(base(c) + "/entitlements", Map.of("configId", configId, "count", count));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        List<JsonNode> out = new ArrayList<>();
        r.json().values().forEach(out::add);
        return out;
    }

    // ---- product types and calc ----

    @Test
    void productTypesWithTheirRealIdsAndParameters() {
        var r = api("demo-bob").get("/api/v1/flex/product-types");
        assertThat(r.status()).isEqualTo(200);
        List<Integer> ids = new ArrayList<>();
        r.json().values().forEach(t -> ids.add(t.get("productTypeId").asInt()));
        assertThat(ids).containsExactly(1, 2, 3, 7, 101, 102, 103);
        JsonNode fgt = r.json().get(0);
        assertThat(fgt.get("name").asString()).contains("FortiGate-VM");
        assertThat(fgt.get("hardware").asBoolean()).isFalse();
        JsonNode cpu = fgt.get("parameters").get(0);
        assertThat(cpu.get("parameterId").asInt()).isEqualTo(1);
        assertThat(cpu.get("type").asString()).isEqualTo("NUMERIC");
        assertThat(cpu.get("min").asLong()).isEqualTo(1);
        assertThat(cpu.get("max").asLong()).isEqualTo(96);
        assertThat(cpu.has("values")).isFalse();
        JsonNode pkg = fgt.get("parameters").get(1);
        assertThat(pkg.get("type").asString()).isEqualTo("SINGLEVALUE");
        assertThat(pkg.get("values").toString()).isEqualTo("[\"FC\",\"UTP\",\"ENT\",\"ATP\"]");
        assertThat(fgt.get("parameters").toString()).contains("\"parameterId\":43").contains("MULTIVALUE");
        JsonNode hw = r.json().get(4);
        assertThat(hw.get("hardware").asBoolean()).isTrue();
        assertThat(hw.get("parameters").get(0).get("values").toString()).contains("FGT60F").contains("FGT100F")
                .doesNotContain("FAP-231F");
        assertThat(r.json().get(6).get("parameters").get(0).get("values").toString()).contains("FS-148F");
    }

    @Test
    void calcGivesTheDocumentedFiguresExactly() {
        var two = api("demo-bob").post("/api/v1/flex/calc", Map.of("productTypeId", 1, "parameters", List.of(p(1, "2"), p(2, "ENT"))));
        assertThat(two.status()).as(two.toString()).isEqualTo(200);
        assertThat(two.json().get("pointsPerDay").decimalValue()).isEqualByComparingTo("6.39");
        assertThat(two.body()).contains("\"pointsPerDay\":6.39");
        var four = api("demo-bob").post("/api/v1/flex/calc", Map.of("productTypeId", 1,
                "parameters", List.of(p(1, 4), p(2, "ENT")), "count", 3, "days", 30));
        assertThat(four.json().get("pointsPerDay").decimalValue()).isEqualByComparingTo("12.91");
        assertThat(four.json().get("totalPoints").decimalValue()).isEqualByComparingTo("1161.90");
        assertThat(four.json().get("count").asLong()).isEqualTo(3);
        assertThat(four.json().get("days").asLong()).isEqualTo(30);
    }

    @Test
    void calcRefusesBadParametersNamingThem() {
        ApiClient bob = api("demo-bob");
        problem(bob.post("/api/v1/flex/calc", Map.of("productTypeId", 1, "parameters", List.of(p(1, "97"), p(2, "ENT")))), 400, "parameters[1]");
        problem(bob.post("/api/v1/flex/calc", Map.of("productTypeId", 1, "parameters", List.of(p(1, 2), p(2, "ENT"), p(10, 30)))), 400, "parameters[10]");
        problem(bob.post("/api/v1/flex/calc", Map.of("productTypeId", 1, "parameters", List.of(p(1, 2), p(2, "ENT"), p(999, 1)))), 400, "parameters[999]");
        problem(bob.post("/api/v1/flex/calc", Map.of("productTypeId", 1, "parameters", List.of(p(1, "two"), p(2, "ENT")))), 400, "parameters[1]");
        problem(bob.post("/api/v1/flex/calc", Map.of("productTypeId", 1, "parameters", List.of(p(2, "ENT")))), 400, "parameters[1]");
        problem(bob.post("/api/v1/flex/calc", Map.of("productTypeId", 1, "parameters", List.of(Map.of("id", "1", "value", "2")))), 400, "parameters[0].id");
        problem(bob.post("/api/v1/flex/calc", Map.of("productTypeId", 1, "parameters", List.of(Map.of("id", 1, "value", 2.5)))), 400, "parameters[0].value");
        problem(bob.post("/api/v1/flex/calc", Map.of("productTypeId", 1, "parameters", "1=2")), 400, "parameters");
        problem(bob.post("/api/v1/flex/calc", Map.of("parameters", List.of())), 400, "productTypeId");
        problem(bob.post("/api/v1/flex/calc", Map.of("productTypeId", 99, "parameters", List.of())), 400, "productTypeId");
        problem(bob.post("/api/v1/flex/calc", Map.of("productTypeId", "1", "parameters", List.of())), 400, "productTypeId");
        problem(bob.post("/api/v1/flex/calc", Map.of("productTypeId", 1, "parameters", List.of(p(1, 2), p(2, "ENT")), "count", "3")), 400, "count");
        problem(bob.post("/api/v1/flex/calc", Map.of("productTypeId", 1, "parameters", List.of(p(1, 2), p(2, "ENT")), "days", 0)), 400, "days");
        problem(bob.post("/api/v1/flex/calc", "[1,2]"), 400, "body");
        problem(bob.post("/api/v1/flex/calc", "{not json"), 400, null);
        assertThat(anonymous().post("/api/v1/flex/calc", Map.of()).status()).isEqualTo(401);
    }

    // ---- configurations ----

    @Test
    void configurationsCreateListUpdateDisableEnable() {
        var c = fixtures.withProgram();
        var created = api(c).post(base(c) + "/configs", Map.of("name", "Branch", "productTypeId", 1,
                "parameters", List.of(p(1, "2"), p(2, "ENT"), p(43, "FGTAVDB"), p(43, "FGTFAIS"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode json = created.json();
        long id = json.get("configId").asLong();
        assertThat(json.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(json.get("pointsPerDay").decimalValue()).isEqualByComparingTo("7.34");
        assertThat(json.get("parameters").toString()).contains("{\"id\":1,\"name\":\"CPUs\",\"value\":\"2\"}")
                .contains("{\"id\":43,\"name\":\"FortiGuard services\",\"value\":\"FGTAVDB\"}")
                .contains("{\"id\":43,\"name\":\"FortiGuard services\",\"value\":\"FGTFAIS\"}");

        var list = api(c).get(base(c) + "/configs");
        assertThat(list.json().size()).isEqualTo(1);
        assertThat(list.json().get(0).get("configId").asLong()).isEqualTo(id);

        var patched = api(c).patch(base(c) + "/configs/" + id, Map.of("parameters", List.of(p(1, 4), p(43, "NONE"))), Map.of());
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("pointsPerDay").decimalValue()).isEqualByComparingTo("12.91");
        assertThat(patched.json().get("parameters").toString()).doesNotContain("FGTAVDB");
        problem(api(c).patch(base(c) + "/configs/" + id, Map.of("parameters", List.of(p(10, 51))), Map.of()), 400, "parameters[10]");
        problem(api(c).patch(base(c) + "/configs/" + id, Map.of("name", " "), Map.of()), 400, "name");

        var disabled = api(c).post(base(c) + "/configs/" + id + "/disable", Map.of());
        assertThat(disabled.json().get("status").asString()).isEqualTo("DISABLED");
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", id, "count", 1)), 422, null);
        var enabled = api(c).post(base(c) + "/configs/" + id + "/enable", Map.of());
        assertThat(enabled.json().get("status").asString()).isEqualTo("ACTIVE");
        problem(api(c).post(base(c) + "/configs/999999999/disable", Map.of()), 404, null);
    }

    @Test
    void configurationErrors() {
        var c = fixtures.withProgram();
        problem(api(c).post(base(c) + "/configs", Map.of("productTypeId", 1, "parameters", List.of(p(1, 2), p(2, "ENT")))), 400, "name");
        problem(api(c).post(base(c) + "/configs", Map.of("name", "x", "productTypeId", 1, "parameters", List.of(p(2, "ENT")))), 400, "parameters[1]");
        problem(api(c).post(base(c) + "/configs", Map.of("name", "x", "productTypeId", 1, "parameters", List.of(p(1, 2), p(2, "ENT"), p(5, "FWBSTD")))), 400, "parameters[5]");
        problem(api(c).post(base(c) + "/configs", Map.of("name", "x", "productTypeId", 55, "parameters", List.of())), 400, "productTypeId");
        problem(api(c).post(base(c) + "/configs", Map.of("name", "x".repeat(101), "productTypeId", 1, "parameters", List.of(p(1, 2), p(2, "ENT")))), 400, "name");
        // no running program: 422; another account: 404; read-only: 403
        var noProgram = fixtures.customer(Permission.READ_WRITE);
        problem(api(noProgram).post(base(noProgram) + "/configs", Map.of("name", "x", "productTypeId", 1,
                "parameters", List.of(p(1, 2), p(2, "ENT")))), 422, null);
        problem(api("demo-alice").post(base(c) + "/configs", Map.of("name", "x", "productTypeId", 1,
                "parameters", List.of(p(1, 2), p(2, "ENT")))), 404, null);
        problem(api("demo-alice").get(base(c) + "/configs"), 404, null);
        var ro = fixtures.user(c.accountId(), Permission.READ_ONLY, "ro");
        problem(api(ro).post(base(c) + "/configs", Map.of("name", "x", "productTypeId", 1,
                "parameters", List.of(p(1, 2), p(2, "ENT")))), 403, null);
        assertThat(api(ro).get(base(c) + "/configs").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from flex_configs where account_id = ?", Integer.class, c.accountId())).isZero();
    }

    // ---- entitlements ----

    @Test
    void vmEntitlementsByCountAndTheirBadCounts() {
        var c = fixtures.withProgram();
        long config = createConfig(c, 2, "ENT");
        for (Object bad : List.of(0, 101, -1, "3", 2.5)) {
            problem(api(c).post(base(c) + "/entitlements", Map.of("configId", config, "count", bad)), 400, "count");
        }
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", config)), 400, "count");
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", config, "serialNumbers", List.of("FGT60FTK20030003"))), 400, "serialNumbers");
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", config, "count", 1, "endDate", clock.today().toString())), 400, "endDate");
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", config, "count", 1, "endDate", clock.today().plusYears(4).toString())), 400, "endDate");
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", config, "count", 1, "endDate", "next year")), 400, "endDate");
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", config, "count", 1, "description", "a\tb")), 400, "description");
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", 999999999, "count", 1)), 404, null);
        assertThat(jdbc.queryForObject("select count(*) from flex_entitlements where account_id = ?", Integer.class, c.accountId())).isZero();

        List<JsonNode> vms = createVms(c, config, 3);
        assertThat(vms).hasSize(3).allSatisfy(v -> {
            assertThat(v.get("status").asString()).isEqualTo("PENDING");
            assertThat(v.get("tokenStatus").asString()).isEqualTo("NOTUSED");
            assertThat(v.get("token").asString()).hasSize(20);
            assertThat(v.get("productTypeId").asInt()).isEqualTo(1);
            assertThat(v.get("configId").asLong()).isEqualTo(config);
            assertThat(v.get("terminationMode").asString()).isEqualTo("FOLLOW_PROGRAM");
            assertThat(v.get("endDate").asString()).isEqualTo(clock.today().plusYears(3).toString());
        });
        var limit = api(c).post(base(c) + "/entitlements", Map.of("configId", config, "count", 100));
        assertThat(limit.status()).isEqualTo(201);
        assertThat(limit.json().size()).isEqualTo(100);

        // no running program: none at all (Acme), or one that has ended
        long acme = jdbc.queryForObject("select id from accounts where name = 'Acme'", Long.class);
        problem(api("demo-alice").post("/api/v1/accounts/" + acme + "/flex/entitlements", Map.of("configId", config, "count", 1)), 422, null);
        testClock.setBusinessDate(clock.today().plusYears(3).plusDays(1));
        var ended = api(c).post(base(c) + "/entitlements", Map.of("configId", config, "count", 1));
        problem(ended, 422, null);
        assertThat(ended.json().get("detail").asString()).contains("ended on");
        testClock.reset();
        assertThat(jdbc.queryForObject("select count(*) from flex_entitlements where account_id = ?", Integer.class, c.accountId())).isEqualTo(103);
    }

    @Test
    void hardwareEntitlementsBySerialNumber() {
        var c = fixtures.withProgram();
        String mine = fixtures.unit(c.accountId(), "FortiGate", "FGT60F");
        String mine2 = fixtures.unit(c.accountId(), "FortiGate", "FGT60F");
        String wrong = fixtures.unit(c.accountId(), "FortiGate", "FGT100F");
        var cfg = api(c).post(base(c) + "/configs", Map.of("name", "HW", "productTypeId", 101,
                "parameters", List.of(p(27, "FGT60F"), p(28, "FGHWENT"))));
        long config = cfg.json().get("configId").asLong();
        // serials of another account's units look like unknown ones: 404
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", config, "serialNumbers", List.of("FGT60FTK20030003"))), 404, null);
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", config, "serialNumbers", List.of(mine, wrong))), 422, null);
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", config, "serialNumbers", List.of(mine, mine.toLowerCase()))), 400, "serialNumbers");
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", config, "count", 2)), 400, "count");
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", config, "serialNumbers", List.of())), 400, "serialNumbers");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("FGT60FTK2" + String.format("%07d", i));
        }
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", config, "serialNumbers", many)), 400, "serialNumbers");
        var created = api(c).post(base(c) + "/entitlements", Map.of("configId", config, "serialNumbers", List.of(mine, mine2)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.json().get(0).get("token").isNull()).isTrue();
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", config, "serialNumbers", List.of(mine))), 409, "serialNumbers");

        // remove: hardware STOPPED/EXPIRED only, at most 100
        problem(api(c).post(base(c) + "/entitlements/remove", Map.of("serialNumbers", List.of(mine))), 422, null);
        assertThat(api(c).post(base(c) + "/entitlements/stop", Map.of("serialNumbers", List.of(mine, mine2))).status()).isEqualTo(200);
        problem(api(c).post(base(c) + "/entitlements/remove", Map.of("serialNumbers", many)), 400, "serialNumbers");
        var removed = api(c).post(base(c) + "/entitlements/remove", Map.of("serialNumbers", List.of(mine)));
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get(0).get("status").asString()).isEqualTo("REMOVED");
    }

    @Test
    void listFiltersAndMasksTokensForReadOnlyUsers() {
        var c = fixtures.withProgram();
        long fgt = createConfig(c, 1, "FC");
        var faz = api(c).post(base(c) + "/configs", Map.of("name", "FAZ", "productTypeId", 7, "parameters", List.of(p(21, 5))));
        List<JsonNode> vms = createVms(c, fgt, 2);
        createVms(c, faz.json().get("configId").asLong(), 1);
        String token = vms.get(0).get("token").asString();

        var all = api(c).get(base(c) + "/entitlements");
        assertThat(all.json().size()).isEqualTo(3);
        assertThat(all.body()).contains(token);
        assertThat(api(c).get(base(c) + "/entitlements?productTypeId=7").json().size()).isEqualTo(1);
        assertThat(api(c).get(base(c) + "/entitlements?configId=" + fgt).json().size()).isEqualTo(2);
        assertThat(api(c).get(base(c) + "/entitlements?status=ACTIVE").json().size()).isZero();
        assertThat(api(c).get(base(c) + "/entitlements?serialNumber=" + vms.get(1).get("serialNumber").asString().substring(8)).json().size()).isEqualTo(1);
        problem(api(c).get(base(c) + "/entitlements?status=SLEEPING"), 400, "status");

        var ro = fixtures.user(c.accountId(), Permission.READ_ONLY, "ro");
        var masked = api(ro).get(base(c) + "/entitlements");
        assertThat(masked.status()).isEqualTo(200);
        assertThat(masked.body()).doesNotContain(token);
        assertThat(masked.json().get(0).get("token").asString()).startsWith("••••-").hasSize(9);
        var one = api(ro).get(base(c) + "/entitlements/" + vms.get(0).get("serialNumber").asString());
        assertThat(one.body()).doesNotContain(token);
        assertThat(one.json().get("events").get(0).get("kind").asString()).isEqualTo("CREATED");
        problem(api(ro).post(base(c) + "/entitlements/stop", Map.of("serialNumbers", List.of(vms.get(0).get("serialNumber").asString()))), 403, null);
        problem(api(ro).post(base(c) + "/entitlements/" + vms.get(0).get("serialNumber").asString() + "/token", Map.of()), 403, null);
        problem(api("demo-alice").get(base(c) + "/entitlements"), 404, null);
    }

    @Test
    void patchStopReactivateRegenerateAndActivate() {
        var c = fixtures.withProgram();
        long small = createConfig(c, 2, "ENT");
        long large = createConfig(c, 4, "ENT");
        List<JsonNode> vms = createVms(c, small, 2);
        String s0 = vms.get(0).get("serialNumber").asString();
        String s1 = vms.get(1).get("serialNumber").asString();

        // a VM activates with its token: no API key
        var activated = anonymous().post("/api/v1/flex/activate", Map.of("token", vms.get(0).get("token").asString()));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        assertThat(activated.json().get("serialNumber").asString()).isEqualTo(s0);
        assertThat(activated.json().get("status").asString()).isEqualTo("ACTIVE");
        problem(anonymous().post("/api/v1/flex/activate", Map.of("token", vms.get(0).get("token").asString())), 409, "token");
        problem(anonymous().post("/api/v1/flex/activate", Map.of("token", "0000000000000000ZZZZ")), 404, null);
        problem(anonymous().post("/api/v1/flex/activate", Map.of("token", "short")), 400, "token");
        problem(anonymous().post("/api/v1/flex/activate", Map.of()), 400, "token");

        var patched = api(c).patch(base(c) + "/entitlements/" + s0, Map.of("description", "Edge", "configId", large,
                "endDate", clock.today().plusDays(100).toString()), Map.of());
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().get("description").asString()).isEqualTo("Edge");
        assertThat(patched.json().get("configId").asLong()).isEqualTo(large);
        assertThat(patched.json().get("terminationMode").asString()).isEqualTo("USER_DEFINED");
        var back = api(c).patch(base(c) + "/entitlements/" + s0, Map.of("terminationMode", "FOLLOW_PROGRAM"), Map.of());
        assertThat(back.json().get("terminationMode").asString()).isEqualTo("FOLLOW_PROGRAM");
        problem(api(c).patch(base(c) + "/entitlements/" + s0, Map.of("endDate", "2001-01-01"), Map.of()), 400, "endDate");
        problem(api(c).patch(base(c) + "/entitlements/" + s0, Map.of(), Map.of()), 400, null);
        problem(api(c).patch(base(c) + "/entitlements/NOSUCHSERIAL1", Map.of("description", "x"), Map.of()), 404, null);

        // stop / reactivate in bulk; the pending one can't be stopped: all or nothing
        problem(api(c).post(base(c) + "/entitlements/stop", Map.of("serialNumbers", List.of(s0, s1))), 422, null);
        assertThat(api(c).get(base(c) + "/entitlements/" + s0).json().get("entitlement").get("status").asString()).isEqualTo("ACTIVE");
        var stopped = api(c).post(base(c) + "/entitlements/stop", Map.of("serialNumbers", List.of(s0)));
        assertThat(stopped.json().get(0).get("status").asString()).isEqualTo("STOPPED");
        problem(api(c).post(base(c) + "/entitlements/stop", Map.of("serialNumbers", List.of(s0, "NOSUCHSERIAL1"))), 404, null);
        problem(api(c).post(base(c) + "/entitlements/reactivate", Map.of("serialNumbers", List.of(s0), "endDate", clock.today().toString())), 400, "endDate");
        var reactivated = api(c).post(base(c) + "/entitlements/reactivate", Map.of("serialNumbers", List.of(s0)));
        assertThat(reactivated.json().get(0).get("status").asString()).isEqualTo("ACTIVE");

        // regenerate: the old token is worthless (404), the new one works
        String oldToken = vms.get(1).get("token").asString();
        var regenerated = api(c).post(base(c) + "/entitlements/" + s1 + "/token", Map.of());
        assertThat(regenerated.status()).isEqualTo(200);
        String newToken = regenerated.json().get("token").asString();
        assertThat(newToken).isNotEqualTo(oldToken);
        problem(anonymous().post("/api/v1/flex/activate", Map.of("token", oldToken)), 404, null);
        assertThat(anonymous().post("/api/v1/flex/activate", Map.of("token", newToken)).status()).isEqualTo(200);
        String hwSerial = fixtures.unit(c.accountId(), "FortiGate", "FGT60F");
        problem(api(c).post(base(c) + "/entitlements/" + hwSerial + "/token", Map.of()), 404, null);
    }

    @Test
    void mixedProductTypesInOneBulkCallChangeNothing() {
        var c = fixtures.withProgram();
        long fgt = createConfig(c, 1, "FC");
        long faz = api(c).post(base(c) + "/configs", Map.of("name", "FAZ", "productTypeId", 7, "parameters", List.of(p(21, 5))))
                .json().get("configId").asLong();
        JsonNode a = createVms(c, fgt, 1).get(0);
        JsonNode b = createVms(c, faz, 1).get(0);
        anonymous().post("/api/v1/flex/activate", Map.of("token", a.get("token").asString()));
        anonymous().post("/api/v1/flex/activate", Map.of("token", b.get("token").asString()));
        var r = api(c).post(base(c) + "/entitlements/stop", Map.of("serialNumbers",
                List.of(a.get("serialNumber").asString(), b.get("serialNumber").asString())));
        problem(r, 422, null);
        assertThat(r.json().get("title").asString()).isEqualTo("Mixed product types");
        assertThat(api(c).get(base(c) + "/entitlements?status=ACTIVE").json().size()).isEqualTo(2);
    }

    @Test
    void idempotencyKeysReplayTheFirstAnswer() {
        var c = fixtures.withProgram();
        long config = createConfig(c, 2, "ENT");
        String key = "create-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("configId", config, "count", 2);
        var first = api(c).post(base(c) + "/entitlements", body, Map.of("Idempotency-Key", key));
        var again = api(c).post(base(c) + "/entitlements", body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api(c).get(base(c) + "/entitlements").json().size()).isEqualTo(2);

        var different = api(c).post(base(c) + "/entitlements", Map.of("configId", config, "count", 3), Map.of("Idempotency-Key", key));
        problem(different, 422, null);
        assertThat(api(c).get(base(c) + "/entitlements").json().size()).isEqualTo(2);
        // keys are case-sensitive: another case is another key
        assertThat(api(c).post(base(c) + "/entitlements", body, Map.of("Idempotency-Key", key.toUpperCase())).status()).isEqualTo(201);
        problem(api(c).post(base(c) + "/entitlements", body, Map.of("Idempotency-Key", "k".repeat(101))), 400, "Idempotency-Key");
        // a failed request releases its key: fixing the body and sending again works
        String failing = "fail-" + UUID.randomUUID();
        problem(api(c).post(base(c) + "/entitlements", Map.of("configId", config, "count", 0), Map.of("Idempotency-Key", failing)), 400, "count");
        assertThat(api(c).post(base(c) + "/entitlements", Map.of("configId", config, "count", 1), Map.of("Idempotency-Key", failing)).status()).isEqualTo(201);
        // configuration changes take keys too
        String cfgKey = "cfg-" + UUID.randomUUID();
        Map<String, Object> cfg = Map.of("name", "Same", "productTypeId", 1, "parameters", List.of(p(1, 1), p(2, "FC")));
        var c1 = api(c).post(base(c) + "/configs", cfg, Map.of("Idempotency-Key", cfgKey));
        var c2 = api(c).post(base(c) + "/configs", cfg, Map.of("Idempotency-Key", cfgKey));
        assertThat(c2.json().get("configId").asLong()).isEqualTo(c1.json().get("configId").asLong());
    }

    @Test
    void failedActivationsAreRateLimitedPerAddress() {
        // A day ago, so these failures are outside the window of every other test's activations.
        testClock.set(clock.now().minus(java.time.Duration.ofDays(1)));
        ApiClient vm = anonymous();
        int refusedAt = -1;
        for (int i = 1; i <= 25 && refusedAt < 0; i++) {
            var r = vm.post("/api/v1/flex/activate", Map.of("token", "00000000000000000" + String.format("%03d", i)));
            if (r.status() == 429) {
                refusedAt = i;
                problem(r, 429, null);
            } else {
                assertThat(r.status()).isEqualTo(404);
            }
        }
        assertThat(refusedAt).as("the 21st failure in 15 minutes is refused").isEqualTo(21);
        // even a good token waits now
        var c = fixtures.withProgram();
        testClock.reset();
        long config = createConfig(c, 1, "FC");
        JsonNode e = createVms(c, config, 1).get(0);
        testClock.set(clock.now().minus(java.time.Duration.ofDays(1)).plusSeconds(60));
        assertThat(vm.post("/api/v1/flex/activate", Map.of("token", e.get("token").asString())).status()).isEqualTo(429);
        testClock.reset();
        assertThat(vm.post("/api/v1/flex/activate", Map.of("token", e.get("token").asString())).status()).isEqualTo(200);
    }

    @Test
    void postpaidProgramsHaveConfigurationsAndEntitlementsToo() {
        var c = fixtures.customer(Permission.READ_WRITE);
        fixtures.program(c.accountId(), FlexProgramType.POSTPAID);
        long config = createConfig(c, 2, "UTP");
        assertThat(createVms(c, config, 1)).hasSize(1);
    }

    @Test
    void partnersManageTheirCustomersFortiFlex() {
        long globex = fixtures.globex();
        var configs = api("demo-pat").get("/api/v1/accounts/" + globex + "/flex/configs");
        assertThat(configs.status()).isEqualTo(200);
        assertThat(configs.body()).contains("Branch FortiGate-VM 2 CPU ENT").contains("\"pointsPerDay\":6.39");
        var list = api("demo-pat").get("/api/v1/accounts/" + globex + "/flex/entitlements");
        for (String status : List.of("PENDING", "ACTIVE", "STOPPED", "EXPIRED", "REMOVED")) {
            assertThat(list.body()).as("Globex demo has a " + status + " entitlement").contains("\"status\":\"" + status + "\"");
        }
        assertThat(list.body()).as("partners read-write see tokens").doesNotContain("••••");
        LocalDate today = clock.today();
        assertThat(today).isNotNull();
    }
}
