package com.fortinet.marketplace.web;

import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.flex.entitlements.AssetFixtures;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;

import static com.fortinet.marketplace.web.FormRefusalsTest.errorAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 7, the typed forms: a value Spring can't convert (letters for a number, a date that isn't one, a
 * number too big, an option that doesn't exist) shows the same form again under 400 with a message at that field,
 * the typed text kept, and nothing written; a filter value that doesn't convert gives the page with a message and 400.
 * Never Spring's error page, never a 500.
 */
@PortalTest
class TypedFormsTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired AssetFixtures assets;

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static Document again(WebSession.Page r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return Jsoup.parse(r.body());
    }

    @Test
    void thePriceFormKeepsPointsThatAreNoWholeNumber() {
        WebSession admin = WebSession.signedIn(port, "admin@demo.test");
        admin.get("/admin/price-list");
        long prices = count("price_list");
        for (String points : new String[]{"abc", "99999999999999999999", "12.5", "1e3"}) {
            Document page = again(admin.post("/admin/price-list",
                    Map.of("model", "FGT60F", "service", "FC247", "termMonths", "12", "points", points)));
            assertThat(errorAt(page, "points")).as(points).isEqualTo("Enter a whole number.");
            assertThat(page.getElementById("points").val()).isEqualTo(points);
            assertThat(page.getElementById("model").val()).isEqualTo("FGT60F");
        }
        Document term = again(admin.post("/admin/price-list",
                Map.of("model", "FGT60F", "service", "FC247", "termMonths", "twelve", "points", "10")));
        assertThat(errorAt(term, "termMonths")).isEqualTo("Enter a whole number.");
        assertThat(count("price_list")).isEqualTo(prices);
    }

    @Test
    void theUnitFormsFlagEveryDateThatIsNoDate() {
        WebSession admin = WebSession.signedIn(port, "admin@demo.test");
        admin.get("/admin/units");
        long units = count("units");
        long account = assets.customer(Permission.READ_WRITE).accountId();
        Map<String, String> form = new HashMap<>(Map.of("accountId", String.valueOf(account), "serialNumber", "FGT60FTK2609999",
                "family", "FortiGate", "model", "FGT60F", "endOfSupport", "2026-13-45", "service", "FC247",
                "startDate", "yesterday", "endDate", "2027-02-30"));
        Document page = again(admin.post("/admin/units", form));
        assertThat(errorAt(page, "endOfSupport")).isEqualTo("Enter a date as YYYY-MM-DD.");
        assertThat(errorAt(page, "startDate")).isEqualTo("Enter a date as YYYY-MM-DD.");
        assertThat(errorAt(page, "endDate")).isEqualTo("Enter a date as YYYY-MM-DD.");
        assertThat(page.getElementById("endOfSupport").val()).isEqualTo("2026-13-45");
        assertThat(page.getElementById("serialNumber").val()).isEqualTo("FGT60FTK2609999");
        assertThat(page.getElementById("endOfSupport").parent().selectFirst("label").text())
                .isEqualTo("End of support (optional)");
        form.put("accountId", "acme");
        form.put("endOfSupport", "");
        form.put("startDate", "");
        form.put("endDate", "");
        assertThat(errorAt(again(admin.post("/admin/units", form)), "accountId")).isEqualTo("Enter a whole number.");
        // a value that doesn't convert and a required field left empty are flagged in the same answer
        form.put("accountId", String.valueOf(account));
        form.put("serialNumber", "");
        form.put("endOfSupport", "2026-13-45");
        Document both = again(admin.post("/admin/units", form));
        assertThat(errorAt(both, "endOfSupport")).isEqualTo("Enter a date as YYYY-MM-DD.");
        assertThat(errorAt(both, "serialNumber")).isNotBlank();
        assertThat(count("units")).isEqualTo(units);

        long id = jdbc.queryForObject("select min(id) from units", Long.class);
        Object before = jdbc.queryForObject("select end_of_support from units where id = ?", Object.class, id);
        admin.get("/admin/units/" + id + "/edit");
        Document edit = again(admin.post("/admin/units/" + id, Map.of("family", "FortiGate", "model", "FGT60F",
                "location", "Lab", "endOfSupport", "٢٠٢٦-٠١-٠١")));
        assertThat(errorAt(edit, "endOfSupport")).isEqualTo("Enter a date as YYYY-MM-DD.");
        assertThat(edit.getElementById("endOfSupport").attr("aria-describedby")).contains("endOfSupport-hint");
        assertThat(jdbc.queryForObject("select end_of_support from units where id = ?", Object.class, id)).isEqualTo(before);
    }

    @Test
    void theProgramFormFlagsDatesAndTypesThatDontRead() {
        WebSession admin = WebSession.signedIn(port, "admin@demo.test");
        admin.get("/admin/flex-programs");
        long programs = count("flex_programs");
        long account = assets.customer(Permission.READ_WRITE).accountId();
        Document page = again(admin.post("/admin/flex-programs", Map.of("accountId", String.valueOf(account),
                "type", "FREE", "serialNumber", "", "startDate", "2026-13-45", "endDate", "29/02/2028")));
        assertThat(errorAt(page, "startDate")).isEqualTo("Enter a date as YYYY-MM-DD.");
        assertThat(errorAt(page, "endDate")).isEqualTo("Enter a date as YYYY-MM-DD.");
        assertThat(errorAt(page, "type")).isEqualTo("Choose one of the options.");
        assertThat(page.getElementById("startDate").val()).isEqualTo("2026-13-45");
        assertThat(page.select("#accountId option[selected]").val()).isEqualTo(String.valueOf(account));
        assertThat(count("flex_programs")).isEqualTo(programs);
    }

    @Test
    void theAccountUserAndRateFormsRefuseOptionsAndIdsThatDontRead() {
        WebSession admin = WebSession.signedIn(port, "admin@demo.test");
        admin.get("/admin/accounts/new");
        long accounts = count("accounts");
        Document account = again(admin.post("/admin/accounts", Map.of("name", "Typed Ltd", "type", "GOLD", "region", "MARS")));
        assertThat(errorAt(account, "type")).isEqualTo("Choose one of the options.");
        assertThat(errorAt(account, "region")).isEqualTo("Choose one of the options.");
        assertThat(account.getElementById("name").val()).isEqualTo("Typed Ltd");
        assertThat(count("accounts")).isEqualTo(accounts);

        long users = count("users");
        Document user = again(admin.post("/admin/users", Map.of("email", "typed@test.example", "password", "long-enough-1",
                "role", "CUSTOMER_USER", "permission", "READ_WRITE", "accountId", "١٢x")));
        assertThat(errorAt(user, "accountId")).isEqualTo("Enter a whole number.");
        assertThat(count("users")).isEqualTo(users);

        long userId = jdbc.queryForObject("select id from users where email = 'alice@acme.demo.test'", Long.class);
        String role = jdbc.queryForObject("select role from users where id = ?", String.class, userId);
        admin.get("/admin/users/" + userId + "/edit");
        var edit = admin.post("/admin/users/" + userId, Map.of("displayName", "Alice", "role", "EMPEROR",
                "permission", "READ_WRITE", "accountId", "x"));
        assertThat(edit.status()).isEqualTo(400);
        assertThat(edit.body()).contains("Choose one of the options.").contains("Enter a whole number.");
        assertThat(jdbc.queryForObject("select role from users where id = ?", String.class, userId)).isEqualTo(role);

        admin.get("/admin/flex-rates");
        long rates = count("flex_rates");
        var rate = admin.post("/admin/flex-rates", Map.of("productTypeId", "abc", "kind", "BASE", "conditions", "",
                "perParameterId", "", "pointsPerDay", "1.5"));
        assertThat(rate.status()).isEqualTo(400);
        assertThat(rate.body()).contains("Enter a whole number.");
        assertThat(count("flex_rates")).isEqualTo(rates);
    }

    @Test
    void filtersThatDontReadGiveThePageWithAMessage() {
        var c = assets.withProgram();
        WebSession customer = WebSession.signedIn(port, c.email(), c.password());
        String base = "/accounts/" + c.accountId();

        Document units = again(customer.get(base + "/units?expiry=SOMEDAY&family=FortiGate"));
        assertThat(errorAt(units, "expiry")).isEqualTo("Choose one of the options.");

        Document list = again(customer.get(base + "/flex/entitlements?productTypeId=abc&status=NOPE&configId=99999999999999999999"));
        assertThat(errorAt(list, "productTypeId")).isEqualTo("Enter a whole number.");
        assertThat(errorAt(list, "status")).isEqualTo("Choose one of the options.");
        assertThat(errorAt(list, "configId")).isEqualTo("Enter a whole number.");
        var csv = customer.get(base + "/flex/entitlements/export.csv?status=NOPE");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.body()).contains("status: Choose one of the options.");

        Document market = again(customer.get(base + "/marketplace?term=abc&type=GIFT&targetEndDate=2026-02-30"));
        assertThat(market.select(".alert-error").text()).contains("term: Enter a whole number.")
                .contains("type: Choose one of the options.").contains("targetEndDate: Enter a date as YYYY-MM-DD.");
        assertThat(customer.getHx(base + "/marketplace?part=summary&term=abc").status()).isEqualTo(400);
        long orders = count("orders");
        customer.get(base + "/marketplace");
        var place = customer.post(base + "/marketplace/orders", Map.of("term", "12x", "type", "RENEW"));
        assertThat(place.status()).isEqualTo(400);
        assertThat(count("orders")).isEqualTo(orders);

        Document statement = again(customer.get(base + "/flex/statements?month=2026-13"));
        assertThat(statement.body().text()).contains("YYYY-MM");
    }
}
