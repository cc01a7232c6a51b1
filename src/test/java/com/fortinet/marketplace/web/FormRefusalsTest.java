package com.fortinet.marketplace.web;

import com.fortinet.marketplace.flex.entitlements.AssetFixtures;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 7: a refused form comes back with the status the API answers for the same refusal (never 200), every
 * wrong field flagged next to its input at once, and nothing changed.
 */
@PortalTest
class FormRefusalsTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired AssetFixtures assets;

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** The error shown inside the field of {@code input}, which is flagged and points at it. */
    static String errorAt(Document page, String input) {
        var error = page.getElementById(input + "-error");
        assertThat(error).as("an error at %s", input).isNotNull();
        assertThat(error.parent().hasClass("field") && error.parent().hasClass("has-error")).as("%s's field is flagged", input).isTrue();
        assertThat(page.getElementById(input).attr("aria-describedby")).as("%s points at its error", input)
                .contains(input + "-error");
        return error.text();
    }

    @Test
    void theNewUserFormFlagsEveryWrongFieldAtOnce() {
        WebSession admin = WebSession.signedIn(port, "admin@demo.test");
        admin.get("/admin/users/new");
        long users = count("users");
        var r = admin.post("/admin/users", Map.of("email", "not-an-address", "displayName", "x".repeat(201),
                "password", "short", "role", "CUSTOMER_USER", "permission", "READ_WRITE", "accountId", ""));
        assertThat(r.status()).isEqualTo(400);
        Document page = Jsoup.parse(r.body());
        assertThat(errorAt(page, "email")).contains("valid e-mail");
        assertThat(errorAt(page, "displayName")).contains("200 characters");
        assertThat(errorAt(page, "password")).contains("at least 8");
        assertThat(errorAt(page, "accountId")).contains("need an account");
        assertThat(page.getElementById("email").val()).isEqualTo("not-an-address");
        assertThat(count("users")).isEqualTo(users);
    }

    @Test
    void aTakenAddressIsAConflict() {
        WebSession admin = WebSession.signedIn(port, "admin@demo.test");
        admin.get("/admin/users/new");
        var r = admin.post("/admin/users", Map.of("email", "alice@acme.demo.test", "password", "long-enough-1",
                "role", "RENEWALS_STAFF", "permission", "READ_WRITE"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(errorAt(Jsoup.parse(r.body()), "email")).contains("already exists");
    }

    @Test
    void theAccountAndPriceFormsFlagEveryWrongField() {
        WebSession admin = WebSession.signedIn(port, "admin@demo.test");
        admin.get("/admin/accounts/new");
        long accounts = count("accounts");
        var account = admin.post("/admin/accounts", Map.of("name", " "));
        assertThat(account.status()).isEqualTo(400);
        Document page = Jsoup.parse(account.body());
        assertThat(errorAt(page, "name")).contains("Enter the account name");
        assertThat(errorAt(page, "type")).contains("CUSTOMER or PARTNER");
        assertThat(errorAt(page, "region")).contains("region");
        assertThat(count("accounts")).isEqualTo(accounts);

        admin.get("/admin/price-list");
        long prices = count("price_list");
        var price = admin.post("/admin/price-list", Map.of("model", "", "service", "", "termMonths", "24", "points", "0"));
        assertThat(price.status()).isEqualTo(400);
        Document pricePage = Jsoup.parse(price.body());
        assertThat(List.of("model", "service", "termMonths", "points")).allSatisfy(f -> errorAt(pricePage, f));
        assertThat(count("price_list")).isEqualTo(prices);
    }

    @Test
    void aDuplicateSkuIsAConflictAtItsField() {
        WebSession admin = WebSession.signedIn(port, "admin@demo.test");
        admin.get("/admin/points-skus");
        var r = admin.post("/admin/points-skus", Map.of("sku", "FC-10-FPNTS-10K", "points", "10000", "kind", "FORTIPOINTS"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(errorAt(Jsoup.parse(r.body()), "sku")).contains("already exists");
        var bad = admin.post("/admin/points-skus", Map.of("sku", "?", "points", "lots", "kind", "GOLD"));
        assertThat(bad.status()).isEqualTo(400);
        Document page = Jsoup.parse(bad.body());
        assertThat(List.of("sku", "points", "kind")).allSatisfy(f -> errorAt(page, f));
    }

    @Test
    void fortiFlexFormsAnswerTheirRefusalsStatus() {
        var c = assets.withProgram();
        WebSession web = WebSession.signedIn(port, c.email(), c.password());
        String base = "/accounts/" + c.accountId() + "/flex";
        long transfers = count("flex_transfers");
        web.get(base + "/transfer");
        var badPoints = web.post(base + "/transfer", Map.of("points", "lots", "token", UUID.randomUUID().toString()));
        assertThat(badPoints.status()).isEqualTo(400);
        assertThat(Jsoup.parse(badPoints.body()).getElementById("points-error")).isNotNull();
        // No FortiPoints to pay with: a business rule (422), as the API answers.
        var broke = web.post(base + "/transfer", Map.of("points", "5", "token", UUID.randomUUID().toString()));
        assertThat(broke.status()).isEqualTo(422);
        assertThat(Jsoup.parse(broke.body()).select(".alert-error").text()).isNotBlank();
        assertThat(count("flex_transfers")).isEqualTo(transfers);

        long configs = count("flex_configs");
        Document form = Jsoup.parse(web.get(base + "/configs/new?productTypeId=1").body());
        String key = form.selectFirst("input[name=idempotencyKey]").val();
        var config = web.postForm(base + "/configs", List.of(Map.entry("idempotencyKey", key), Map.entry("name", ""),
                Map.entry("productTypeId", "1"), Map.entry("p1", "97"), Map.entry("p2", "ENT")));
        assertThat(config.status()).isEqualTo(400);
        Document page = Jsoup.parse(config.body());
        assertThat(page.getElementById("name-error")).as("the name's error beside the parameter's").isNotNull();
        assertThat(page.getElementById("p1-error").text()).contains("1–96");
        assertThat(count("flex_configs")).isEqualTo(configs);
    }

    @Test
    void filtersAreBoundByTheirQueryNamesAndEveryBadOneIsFlagged() {
        WebSession staff = WebSession.signedIn(port, "staff@demo.test");
        var rts = staff.get("/rts?from=nope&to=&region=MARS&channel=FAX&family=FortiGate");
        assertThat(rts.status()).isEqualTo(400);
        Document page = Jsoup.parse(rts.body());
        assertThat(List.of("from", "to", "region", "channel")).allSatisfy(f -> errorAt(page, f));
        assertThat(page.getElementById("from").val()).as("the defaults are shown").isNotEqualTo("nope");

        var transactions = staff.get("/rts/transactions?from=2026-13-01&type=REFUND&partner=someone");
        assertThat(transactions.status()).isEqualTo(400);
        Document list = Jsoup.parse(transactions.body());
        assertThat(List.of("from", "type", "partner")).allSatisfy(f -> assertThat(list.getElementById(f + "-error")).isNotNull());

        var good = staff.get("/rts/contracts?month=2026-07&region=EMEA&status=RENEWED");
        assertThat(good.status()).isEqualTo(200);
        assertThat(Jsoup.parse(good.body()).selectFirst("#region option[selected]").val()).isEqualTo("EMEA");
    }

    @Test
    void theApiListsEveryWrongField() {
        ApiClient admin = new ApiClient(port, "demo-admin");
        var r = admin.post("/api/v1/admin/users", Map.of("email", "nope", "password", "short", "role", "CUSTOMER_USER"));
        assertThat(r.status()).isEqualTo(400);
        List<String> fields = r.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
        assertThat(fields).containsExactly("email", "password", "accountId");
        assertThat(r.json().get("detail").asString()).contains("valid e-mail").contains("at least 8").contains("need an account");
    }
}
