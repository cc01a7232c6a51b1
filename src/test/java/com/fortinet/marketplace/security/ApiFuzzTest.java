package com.fortinet.marketplace.security;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.flex.entitlements.AssetFixtures;
import com.fortinet.marketplace.orders.MarketFixtures;
import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 "Tests": every DESIGN §7 request body, spoiled one field at a time (null, wrong types, overlong and
 * multi-byte strings, control characters, huge and fractional numbers, null list items) and as a whole (malformed
 * JSON, duplicate keys, trailing tokens, wrong top-level type). Every answer is below 500; every refusal is a problem
 * document with a detail, and a snapshot of balances, ledgers and every table a request could write shows that a
 * refused request changed nothing.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @LocalServerPort int port;
    @Autowired AssetFixtures assets;
    @Autowired MarketFixtures market;
    @Autowired AccountRepository accountRepository;
    @Autowired BusinessClock clock;
    @Autowired JdbcTemplate jdbc;

    AssetFixtures.Customer customer;
    ApiClient api;
    ApiClient admin;
    ApiClient anonymous;
    String unitSerial;
    long configId;
    String vmSerial;

    record Endpoint(String method, String path, String body, ApiClient as) {
    }

    @BeforeAll
    void aCustomerWithPointsUnitsAndFortiFlex() {
        customer = assets.withProgram();
        market.points(accountRepository.findById(customer.accountId()).orElseThrow(), "FC-10-FPNTS-10K");
        unitSerial = market.unit(accountRepository.findById(customer.accountId()).orElseThrow(), "FGT60F", "HQ", 30, "FC247");
        var config = assets.fortiGateVm(customer, 2, "ENT");
        configId = config.id();
        vmSerial = assets.vms(customer, config, 1).get(0).serialNumber();
        api = new ApiClient(port, customer.apiKey());
        admin = new ApiClient(port, "demo-admin");
        anonymous = new ApiClient(port, null);
    }

    private List<Endpoint> endpoints() {
        long id = customer.accountId();
        String flex = "/api/v1/accounts/" + id + "/flex";
        String order = "{\"accountId\": " + id + ", \"type\": \"RENEW\", \"lines\": [{\"serialNumber\": \"" + unitSerial
                + "\", \"service\": \"FC247\", \"termMonths\": 12}], \"description\": \"renewal\"}";
        String params = "[{\"id\": 1, \"value\": \"2\"}, {\"id\": 2, \"value\": \"ENT\"}]";
        return List.of(
                new Endpoint("POST", "/api/v1/accounts/" + id + "/packs", "{\"registrationCode\": \"K7QF-9MZD-3XWA-PT2H-8RCE\"}", api),
                new Endpoint("POST", "/api/v1/orders/preview", order, api),
                new Endpoint("POST", "/api/v1/orders", order, api),
                new Endpoint("POST", "/api/v1/accounts/" + id + "/flex-transfers", "{\"points\": 3}", api),
                new Endpoint("POST", flex + "/packs", "{\"registrationCode\": \"K7QF-9MZD-3XWA-PT2H-8RCE\"}", api),
                new Endpoint("POST", "/api/v1/flex/calc", "{\"productTypeId\": 1, \"parameters\": " + params + ", \"count\": 2, \"days\": 30}", api),
                new Endpoint("POST", flex + "/configs", "{\"name\": \"Fuzz\", \"productTypeId\": 1, \"parameters\": " + params + "}", api),
                new Endpoint("PATCH", flex + "/configs/" + configId, "{\"name\": \"Fuzzed\", \"parameters\": " + params + "}", api),
                new Endpoint("POST", flex + "/entitlements", "{\"configId\": " + configId + ", \"count\": 1, \"description\": \"vm\", "
                        + "\"endDate\": \"" + clock.today().plusMonths(6) + "\"}", api),
                new Endpoint("PATCH", flex + "/entitlements/" + vmSerial, "{\"description\": \"renamed\", \"configId\": " + configId
                        + ", \"endDate\": \"" + clock.today().plusMonths(7) + "\"}", api),
                new Endpoint("POST", flex + "/entitlements/stop", "{\"serialNumbers\": [\"" + vmSerial + "\"]}", api),
                new Endpoint("POST", flex + "/entitlements/reactivate", "{\"serialNumbers\": [\"" + vmSerial + "\"], \"endDate\": \""
                        + clock.today().plusMonths(5) + "\"}", api),
                new Endpoint("POST", flex + "/entitlements/remove", "{\"serialNumbers\": [\"" + vmSerial + "\"]}", api),
                new Endpoint("POST", "/api/v1/flex/activate", "{\"token\": \"ABCDEFGHJKMNPQRSTVWX\"}", anonymous),
                new Endpoint("POST", "/api/v1/admin/accounts", "{\"name\": \"Fuzz account\", \"type\": \"CUSTOMER\", \"region\": \"AMER\"}", admin),
                new Endpoint("POST", "/api/v1/admin/accounts/" + id + "/units", "{\"serialNumber\": \"FGT60FTK99000001\", \"model\": \"FGT60F\", "
                        + "\"family\": \"FortiGate\", \"location\": \"Lab\", \"endOfSupport\": null, \"services\": [{\"service\": \"FC247\", "
                        + "\"startDate\": \"2026-01-01\", \"endDate\": \"2027-01-01\"}]}", admin),
                new Endpoint("POST", "/api/v1/admin/registration-codes", "{\"sku\": \"FC-10-FPNTS-1K\", \"count\": 1}", admin),
                new Endpoint("POST", "/api/v1/admin/accounts/" + id + "/packs/import", "{\"sku\": \"FC-10-FPNTS-1K\", \"registeredAt\": \""
                        + clock.today().minusDays(2) + "\"}", admin),
                new Endpoint("POST", "/api/v1/admin/accounts/" + id + "/flex-program", "{\"type\": \"PREPAID\", \"startDate\": \"2026-01-01\", "
                        + "\"endDate\": \"2027-01-01\"}", admin),
                new Endpoint("POST", "/api/v1/admin/accounts/" + id + "/flex-program/extensions", "{\"months\": 12}", admin),
                new Endpoint("POST", "/api/v1/admin/users", "{\"email\": \"fuzz@fuzz.test\", \"password\": \"fuzz-password\", "
                        + "\"accountId\": " + id + ", \"role\": \"CUSTOMER_USER\", \"permission\": \"READ_ONLY\"}", admin));
    }

    /** Values that replace one field (or one list item) of a valid body. */
    private static List<JsonNode> spoilers() {
        List<JsonNode> values = new ArrayList<>();
        values.add(NODES.nullNode());
        values.add(NODES.stringNode(""));
        values.add(NODES.stringNode("x".repeat(10_000)));
        values.add(NODES.stringNode("é\uD83D\uDE80株".repeat(3_000)));
        values.add(NODES.stringNode("a\u0000b\u202Ec\u200B"));
        values.add(NODES.stringNode("１２３"));
        values.add(NODES.numberNode(1.5));
        values.add(NODES.numberNode(new java.math.BigDecimal("1e400")));
        values.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999999999999")));
        values.add(NODES.numberNode(-1));
        values.add(NODES.numberNode(0));
        values.add(NODES.booleanNode(true));
        values.add(NODES.arrayNode());
        values.add(NODES.arrayNode().add(NODES.nullNode()));
        values.add(NODES.objectNode());
        return values;
    }

    /** Whole bodies that are not the request at all. */
    private static List<Function<String, String>> wholeBodySpoilers() {
        return List.of(
                b -> "",
                b -> "{",
                b -> "null",
                b -> "[]",
                b -> "\"text\"",
                b -> "42",
                b -> b + " trailing",
                b -> b + "}",
                b -> b.replaceFirst("\\{", "{\"dup\": 1, \"dup\": 2, "),
                b -> duplicateFirstKey(b),
                b -> b.replace("\"", "'"),
                b -> "{\"a\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}");
    }

    private static String duplicateFirstKey(String body) {
        JsonNode n = JSON.readTree(body);
        if (!n.isObject() || n.isEmpty()) {
            return body;
        }
        String first = n.propertyNames().iterator().next();
        return "{\"" + first + "\": " + n.get(first) + ", " + body.substring(1);
    }

    /** Every body that differs from {@code body} in exactly one place (a field, a nested field or a list item). */
    private static List<String> oneFieldSpoiled(String body) {
        List<String> out = new ArrayList<>();
        JsonNode root = JSON.readTree(body);
        for (List<Object> path : paths(root, new ArrayList<>())) {
            for (JsonNode value : spoilers()) {
                JsonNode copy = root.deepCopy();
                set(copy, path, value);
                out.add(JSON.writeValueAsString(copy));
            }
        }
        return out;
    }

    private static List<List<Object>> paths(JsonNode node, List<Object> at) {
        List<List<Object>> out = new ArrayList<>();
        if (!at.isEmpty()) {
            out.add(at);
        }
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                List<Object> next = new ArrayList<>(at);
                next.add(name);
                out.addAll(paths(node.get(name), next));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> next = new ArrayList<>(at);
                next.add(i);
                out.addAll(paths(node.get(i), next));
            }
        }
        return out;
    }

    private static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof String s ? parent.get(s) : parent.get((Integer) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof String s) {
            ((ObjectNode) parent).set(s, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
    }

    /** Balances, ledgers and every table a request of §7 writes, as one row of numbers. */
    private List<Long> snapshot() {
        List<String> tables = List.of("points_ledger", "points_allocations", "point_packs", "flex_ledger", "flex_transfers",
                "flex_packs", "flex_programs", "flex_program_changes", "flex_configs", "flex_config_versions",
                "flex_entitlements", "flex_entitlement_events", "orders", "order_lines", "units", "service_contracts",
                "accounts", "users", "registration_codes", "registration_code_batches", "partner_links", "idempotency_keys");
        List<Long> row = new ArrayList<>();
        for (String t : tables) {
            row.add(jdbc.queryForObject("select count(*) from " + t, Long.class));
        }
        row.add(LedgerInvariants.spendableBalance(jdbc, customer.accountId(), clock.today()));
        row.add(jdbc.queryForObject("select coalesce(round(sum(l.points) * 100), 0) from flex_ledger l join flex_programs p "
                + "on p.id = l.program_id where p.account_id = ?", Long.class, customer.accountId()));
        return row;
    }

    private ApiClient.Response send(Endpoint e, String body) {
        Map<String, String> headers = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        return "PATCH".equals(e.method()) ? e.as().patch(e.path(), body, headers) : e.as().post(e.path(), body, headers);
    }

    @Test
    void noBodyOfAnyShapeIsA500AndRefusalsChangeNothing() {
        int sent = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            List<String> bodies = new ArrayList<>(oneFieldSpoiled(e.body()));
            wholeBodySpoilers().forEach(f -> bodies.add(f.apply(e.body())));
            for (String body : bodies) {
                List<Long> before = snapshot();
                ApiClient.Response r = send(e, body);
                sent++;
                String what = e.method() + " " + e.path() + " " + abbreviate(body) + " → " + r.status() + " " + abbreviate(r.body());
                if (r.status() >= 500) {
                    failures.add(what);
                    continue;
                }
                if (r.status() >= 400) {
                    refused++;
                    if (!r.isProblem() || !r.json().has("detail") || r.json().get("detail").asString().isBlank()) {
                        failures.add("not a problem with a detail: " + what);
                    }
                    if (r.status() != 401 && !snapshot().equals(before)) {
                        failures.add("a refusal changed something: " + what);
                    }
                }
            }
        }
        assertThat(failures).as(sent + " requests, " + refused + " refused").isEmpty();
        assertThat(refused).as("most spoiled bodies are refused").isGreaterThan(sent / 2);
        LedgerInvariants.assertHold(jdbc, customer.accountId());
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + ")" : s;
    }
}
