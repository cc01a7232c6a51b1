package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.flex.configs.FlexConfig;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** FortiFlex pages over real HTTP: scope, read-only, idempotent forms, htmx fragments, bad input at the field. */
@PortalTest
class FlexAssetsPagesTest {

    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired AssetFixtures fixtures;
    @Autowired JdbcTemplate jdbc;

    WebSession signIn(AssetFixtures.Customer c) {
        return WebSession.signedIn(port, c.email(), c.password());
    }

    static String key(WebSession.Page page) {
        Matcher m = KEY.matcher(page.body());
        assertThat(m.find()).as("the form carries an idempotency key").isTrue();
        return m.group(1);
    }

    static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    int entitlements(long accountId) {
        return jdbc.queryForObject("select count(*) from flex_entitlements where account_id = ?", Integer.class, accountId);
    }

    @Test
    void aFormSentTwiceCreatesOnce() {
        var c = fixtures.withProgram();
        FlexConfig config = fixtures.fortiGateVm(c, 2, "ENT");
        WebSession web = signIn(c);
        String base = "/accounts/" + c.accountId() + "/flex/entitlements";
        String key = key(web.get(base + "/new?configId=" + config.id()));
        List<Map.Entry<String, String>> form = List.of(Map.entry("idempotencyKey", key), Map.entry("configId", String.valueOf(config.id())),
                Map.entry("count", "2"), Map.entry("description", "twice"), Map.entry("termination", "program"));
        var first = web.postForm(base, form);
        assertThat(first.status()).isEqualTo(302);
        assertThat(web.get(path(first.location())).body()).contains("Created 2 entitlements");
        var second = web.postForm(base, form);
        assertThat(second.status()).isEqualTo(302);
        assertThat(second.location()).isEqualTo(first.location());
        assertThat(entitlements(c.accountId())).isEqualTo(2);
        assertThat(web.get(path(second.location())).body()).contains("already done");
    }

    @Test
    void badInputIsShownAtTheFieldAndChangesNothing() {
        var c = fixtures.withProgram();
        FlexConfig config = fixtures.fortiGateVm(c, 2, "ENT");
        WebSession web = signIn(c);
        String base = "/accounts/" + c.accountId() + "/flex";
        String key = key(web.get(base + "/entitlements/new?configId=" + config.id()));
        for (String count : List.of("0", "101", "-1", "three", "")) {
            var page = web.postForm(base + "/entitlements", List.of(Map.entry("idempotencyKey", key),
                    Map.entry("configId", String.valueOf(config.id())), Map.entry("count", count), Map.entry("termination", "program")));
            assertThat(page.status()).as("count " + count).isEqualTo(400);
            assertThat(page.body()).contains("id=\"count-error\"");
        }
        var late = web.postForm(base + "/entitlements", List.of(Map.entry("idempotencyKey", key),
                Map.entry("configId", String.valueOf(config.id())), Map.entry("count", "1"), Map.entry("termination", "date"),
                Map.entry("endDate", "2001-01-01")));
        assertThat(late.body()).contains("id=\"endDate-error\"").contains("must be after today");
        assertThat(entitlements(c.accountId())).isZero();

        String cfgKey = key(web.get(base + "/configs/new?productTypeId=1"));
        var config2 = web.postForm(base + "/configs", List.of(Map.entry("idempotencyKey", cfgKey), Map.entry("name", "Too many VDOMs"),
                Map.entry("productTypeId", "1"), Map.entry("p1", "97"), Map.entry("p2", "ENT"), Map.entry("p10", "0")));
        assertThat(config2.status()).isEqualTo(400);
        assertThat(config2.body()).contains("id=\"p1-error\"").contains("CPUs (parameter 1) must be a whole number from 1–96, not 97.");
        var vdoms = web.postForm(base + "/configs", List.of(Map.entry("idempotencyKey", cfgKey), Map.entry("name", "Too many VDOMs"),
                Map.entry("productTypeId", "1"), Map.entry("p1", "2"), Map.entry("p2", "ENT"), Map.entry("p10", "26")));
        assertThat(vdoms.body()).contains("id=\"p10-error\"").contains("at most 25 when CPUs is 2");
        assertThat(jdbc.queryForObject("select count(*) from flex_configs where account_id = ?", Integer.class, c.accountId())).isEqualTo(1);
    }

    @Test
    void theConfigurationFormFollowsTheProductTypeAndPricesLive() {
        var c = fixtures.withProgram();
        WebSession web = signIn(c);
        String base = "/accounts/" + c.accountId() + "/flex/configs";
        web.get(base + "/new");
        var faz = web.getHx(base + "/fields?productTypeId=7");
        assertThat(faz.status()).isEqualTo(200);
        assertThat(faz.body()).contains("Daily storage (GB)").contains("name=\"p21\"").doesNotContain("<html");
        var price = web.getHx(base + "/price?productTypeId=1&p1=4&p2=ENT");
        assertThat(price.body()).contains("id=\"points-per-day\">12.91<");
        var capped = web.getHx(base + "/price?productTypeId=1&p1=1&p2=ENT&p10=11");
        assertThat(capped.body()).contains("VDOMs (parameter 10) is at most 10 when CPUs is 1, not 11.");
    }

    @Test
    void readOnlyUsersSeeButChangeNothing() {
        var c = fixtures.withProgram();
        FlexConfig config = fixtures.fortiGateVm(c, 2, "ENT");
        Entitlement e = fixtures.active(c, config);
        Entitlement pending = fixtures.vms(c, config, 1).get(0);
        var ro = fixtures.user(c.accountId(), Permission.READ_ONLY, "ro");
        WebSession web = WebSession.signedIn(port, ro.email(), ro.password());
        String base = "/accounts/" + c.accountId() + "/flex";

        var list = web.get(base + "/entitlements");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(e.serialNumber()).doesNotContain(e.token()).doesNotContain(pending.token())
                .contains("••••-" + pending.token().substring(16)).doesNotContain("name=\"serial\"");
        var csv = web.get(base + "/entitlements/export.csv");
        assertThat(csv.body()).contains(e.serialNumber()).doesNotContain(pending.token()).contains("••••-");
        assertThat(web.get(base + "/entitlements/" + e.serialNumber()).body()).doesNotContain(e.token())
                .doesNotContain("Regenerate token");

        assertThat(web.get(base + "/entitlements/new").status()).isEqualTo(403);
        assertThat(web.get(base + "/configs/new").status()).isEqualTo(403);
        assertThat(web.get(base + "/entitlements/confirm?action=stop&serial=" + e.serialNumber()).status()).isEqualTo(403);
        assertThat(web.post(base + "/entitlements/stop", Map.of("serial", e.serialNumber(), "idempotencyKey", "k1")).status()).isEqualTo(403);
        assertThat(web.post(base + "/entitlements/" + e.serialNumber() + "/token", Map.of("idempotencyKey", "k2")).status()).isEqualTo(403);
        assertThat(web.post(base + "/configs/" + config.id() + "/disable", Map.of("idempotencyKey", "k3")).status()).isEqualTo(403);
        assertThat(web.post(base + "/configs", Map.of("name", "x", "productTypeId", "1", "p1", "2", "p2", "ENT")).status()).isEqualTo(403);
        assertThat(fixtures.entitlements.get(c.accountId(), e.serialNumber()).entitlement().status()).isEqualTo(EntitlementStatus.ACTIVE);

        // the read-write user of the same account gets the tokens in the export
        assertThat(signIn(c).get(base + "/entitlements/export.csv").body()).contains(pending.token());
    }

    @Test
    void otherAccountsDoNotExist() {
        var c = fixtures.withProgram();
        FlexConfig config = fixtures.fortiGateVm(c, 2, "ENT");
        Entitlement e = fixtures.vms(c, config, 1).get(0);
        WebSession alice = WebSession.signedIn(port, "alice@acme.demo.test");
        String base = "/accounts/" + c.accountId() + "/flex";
        assertThat(alice.get(base + "/configs").status()).isEqualTo(404);
        assertThat(alice.get(base + "/configs/" + config.id()).status()).isEqualTo(404);
        assertThat(alice.get(base + "/entitlements").status()).isEqualTo(404);
        assertThat(alice.get(base + "/entitlements/" + e.serialNumber()).status()).isEqualTo(404);
        assertThat(alice.get(base + "/entitlements/export.csv").status()).isEqualTo(404);
        // an entitlement of another account under one's own account is not found either
        long acme = jdbc.queryForObject("select id from accounts where name = 'Acme'", Long.class);
        assertThat(alice.get("/accounts/" + acme + "/flex/entitlements/" + e.serialNumber()).status()).isEqualTo(404);
    }

    @Test
    void aMixedSelectionIsRefusedOnTheConfirmationPageAndChangesNothing() {
        var c = fixtures.withProgram();
        Entitlement fgt = fixtures.active(c, fixtures.fortiGateVm(c, 1, "FC"));
        Entitlement faz = fixtures.active(c, fixtures.fortiAnalyzer(c));
        WebSession web = signIn(c);
        String base = "/accounts/" + c.accountId() + "/flex/entitlements";
        var confirm = web.get(base + "/confirm?action=stop&serial=" + fgt.serialNumber() + "&serial=" + faz.serialNumber());
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("one product type").doesNotContain("action=\"" + base + "/stop\"");
        var post = web.postForm(base + "/stop", List.of(Map.entry("idempotencyKey", "mixed-1"),
                Map.entry("serial", fgt.serialNumber()), Map.entry("serial", faz.serialNumber())));
        assertThat(post.status()).isEqualTo(422);
        assertThat(post.body()).contains("one product type");
        assertThat(fixtures.entitlements.get(c.accountId(), fgt.serialNumber()).entitlement().status()).isEqualTo(EntitlementStatus.ACTIVE);
        assertThat(fixtures.entitlements.get(c.accountId(), faz.serialNumber()).entitlement().status()).isEqualTo(EntitlementStatus.ACTIVE);
    }

    @Test
    void partnersActForTheirCustomers() {
        long globex = fixtures.globex();
        WebSession pat = WebSession.signedIn(port, "pat@partner.demo.test");
        assertThat(pat.get("/accounts/" + globex + "/flex/configs").body()).contains("Branch FortiGate-VM 2 CPU ENT");
        var page = pat.get("/accounts/" + globex + "/flex/entitlements?status=PENDING");
        assertThat(page.body()).contains("name=\"serial\"").contains("New entitlements");
        long initech = jdbc.queryForObject("select id from accounts where name = 'Initech'", Long.class);
        assertThat(pat.get("/accounts/" + initech + "/flex/entitlements").status()).isEqualTo(200);
        long acme = jdbc.queryForObject("select id from accounts where name = 'Acme'", Long.class);
        assertThat(pat.get("/accounts/" + acme + "/flex/entitlements").status()).isEqualTo(404);
    }
}
