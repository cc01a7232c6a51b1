package com.fortinet.marketplace.flex.calculator;

import com.fortinet.marketplace.flex.FlexLedger;
import com.fortinet.marketplace.flex.FlexLedgerInvariants;
import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.flex.entitlements.AssetFixtures;
import com.fortinet.marketplace.points.RegistrationCodes;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The points calculator page over real HTTP: prices from the rate table, totals, runway, mistakes at their field. */
@PortalTest
class CalculatorPagesTest {

    @LocalServerPort int port;
    @Autowired AssetFixtures fixtures;
    @Autowired RegistrationCodes codes;
    @Autowired FlexLedger ledger;
    @Autowired BusinessClock clock;
    @Autowired JdbcTemplate jdbc;

    /** A fresh customer whose prepaid program got 10,000.00 FortiFlex points from a registered pack. */
    AssetFixtures.Customer customerWith10k() {
        var c = fixtures.withProgram();
        var batch = codes.issue("LIC-ELAVM-10K", 1, "calculator test", null);
        var r = new ApiClient(port, c.apiKey()).post("/api/v1/accounts/" + c.accountId() + "/flex/packs",
                Map.of("registrationCode", codes.codesOf(batch.id()).get(0).display()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return c;
    }

    FlexPoints balance(AssetFixtures.Customer c) {
        return ledger.balance(jdbc.queryForObject("select id from flex_programs where account_id = ?", Long.class, c.accountId()));
    }

    static String figure(String body, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]+)<").matcher(body);
        assertThat(m.find()).as("#" + id + " in the page").isTrue();
        return m.group(1).strip();
    }

    BigDecimal rate(String body) {
        return new BigDecimal(figure(body, "total-day").replace(",", ""));
    }

    BigDecimal calc(int productTypeId, List<Map<String, Object>> parameters, int count) {
        var r = new ApiClient(port, "demo-bob").post("/api/v1/flex/calc", Map.of("productTypeId", productTypeId,
                "parameters", parameters, "count", count));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("totalPoints").decimalValue();
    }

    String path(AssetFixtures.Customer c) {
        return "/accounts/" + c.accountId() + "/flex/calculator";
    }

    @Test
    void theFirstVisitPricesFortiFlexsExampleAgainstTheBalance() {
        var c = customerWith10k();
        var web = WebSession.signedIn(port, c.email(), c.password());
        var page = web.get(path(c));
        assertThat(page.status()).isEqualTo(200);
        assertThat(figure(page.body(), "total-day")).isEqualTo("6.39");
        assertThat(figure(page.body(), "total-month")).isEqualTo("191.70");
        assertThat(figure(page.body(), "total-year")).isEqualTo("2,332.35");
        FlexPoints balance = balance(c);
        assertThat(balance).isGreaterThanOrEqualTo(FlexPoints.of(10_000)); // the pack (fixtures may add starting points)
        assertThat(figure(page.body(), "calc-balance")).isEqualTo(balance.display());
        long days = balance.hundredths() / 639; // e.g. 10,000.00 / 6.39 = 1,564.9 → 1,564 whole days
        assertThat(figure(page.body(), "runway-days")).isEqualTo(String.format("%,d days", days));
        assertThat(page.body()).contains("runs out on " + clock.today().plusDays(days));
        LocalDate end = jdbc.queryForObject("select end_date from flex_programs where account_id = ?", LocalDate.class,
                c.accountId());
        if (clock.today().plusDays(days).isAfter(end)) {
            assertThat(page.body()).contains("after the program ends on " + end);
        } else {
            assertThat(page.body()).doesNotContain("runway-past-end");
        }
        assertThat(page.body()).containsPattern("aria-current=\"page\"[^>]*>Calculator</a>");
        FlexLedgerInvariants.assertHold(jdbc, jdbc.queryForObject("select id from flex_programs where account_id = ?",
                Long.class, c.accountId()));
    }

    @Test
    void aBillOfSeveralLinesAddsUpFromTheSameRatesAsTheApi() {
        var c = customerWith10k();
        var web = WebSession.signedIn(port, c.email(), c.password());
        String q = "?l0_type=1&l0_shown=1&l0_p1=4&l0_p2=ENT&l0_p10=0&l0_p43=NONE&l0_p45=NONE&l0_count=3"
                + "&l1_type=7&l1_shown=7&l1_p21=50&l1_p22=0&l1_count=2";
        var page = web.get(path(c) + q);
        BigDecimal expected = calc(1, List.of(Map.of("id", 1, "value", "4"), Map.of("id", 2, "value", "ENT")), 3)
                .add(calc(7, List.of(Map.of("id", 21, "value", "50")), 2));
        assertThat(rate(page.body())).isEqualByComparingTo(expected);
        assertThat(figure(page.body(), "l0_day")).isEqualTo("38.73"); // 3 × 12.91, the documented 4-CPU ENT rate
        // the page sends back what it shows: an optional "NONE" stays a choice the next request can price
        assertThat(page.body()).doesNotContainPattern("id=\"l0_p45\"[^>]*>\\s*<option value=\"\">");
        long days = balance(c).hundredths() / FlexPoints.of(expected).hundredths();
        assertThat(figure(page.body(), "runway-days")).isEqualTo(String.format("%,d days", days));
        assertThat(page.body()).contains("runs out on " + clock.today().plusDays(days));

        // htmx: add a line (it starts empty and costs nothing yet), remove the first
        var added = web.getHx(path(c) + "/bom" + q + "&add=1");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).contains("id=\"calc-body\"").contains("Line 3").contains("id=\"l2_type\"")
                .contains("Choose a product type to price this line.").doesNotContain("<html");
        assertThat(rate(added.body())).isEqualByComparingTo(expected);
        var removed = web.getHx(path(c) + "/bom" + q + "&remove=0");
        assertThat(removed.body()).doesNotContain("id=\"l0_type\"").contains("id=\"l1_type\"");
        assertThat(rate(removed.body())).isEqualByComparingTo(calc(7, List.of(Map.of("id", 21, "value", "50")), 2));
    }

    @Test
    void mistakesAreShownNextToTheirFieldAndLeftOutOfTheTotals() {
        var c = customerWith10k();
        var web = WebSession.signedIn(port, c.email(), c.password());
        var page = web.get(path(c) + "?l0_type=1&l0_shown=1&l0_p1=200&l0_p2=ENT&l0_count=1"
                + "&l1_type=1&l1_shown=1&l1_p1=2&l1_p2=ENT&l1_count=0"
                + "&l2_type=1&l2_shown=1&l2_p1=2&l2_p2=ENT&l2_count=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(figure(page.body(), "l0_p1-error")).contains("96");
        assertThat(page.body()).contains("aria-describedby=\"l0_p1-hint l0_p1-error\"");
        assertThat(figure(page.body(), "l1_count-error")).contains("whole number from 1 to 100,000");
        assertThat(figure(page.body(), "total-day")).isEqualTo("12.78"); // only line 3: 2 × 6.39
        assertThat(page.body()).contains("2 lines can&#39;t be priced yet");

        // a new product type on a line shows its own inputs with their defaults, and no stale errors
        var switched = web.getHx(path(c) + "/bom?l0_type=7&l0_shown=1&l0_p1=200&l0_p2=ENT&l0_count=1");
        assertThat(switched.body()).contains("id=\"l0_p21\"").doesNotContain("id=\"l0_p1\"").doesNotContain("field-error");
    }

    @Test
    void postpaidNoProgramAndOtherAccounts() {
        long initech = jdbc.queryForObject("select id from accounts where name = 'Initech'", Long.class);
        long acme = jdbc.queryForObject("select id from accounts where name = 'Acme'", Long.class);
        var pat = WebSession.signedIn(port, "pat@partner.demo.test").get("/accounts/" + initech + "/flex/calculator");
        assertThat(pat.status()).isEqualTo(200);
        assertThat(figure(pat.body(), "total-day")).isEqualTo("6.39");
        assertThat(pat.body()).contains("Postpaid (MSSP) program").doesNotContain("id=\"calc-runway\"");
        // read-only users use the calculator too: it changes nothing
        var ro = WebSession.signedIn(port, "ro@acme.demo.test").get("/accounts/" + acme + "/flex/calculator");
        assertThat(ro.status()).isEqualTo(200);
        assertThat(ro.body()).contains("no FortiFlex program");
        assertThat(WebSession.signedIn(port, "alice@acme.demo.test").get("/accounts/" + initech + "/flex/calculator").status())
                .isEqualTo(404);
    }
}
