package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexProgramService;
import com.fortinet.marketplace.flex.configs.ConfigService;
import com.fortinet.marketplace.flex.configs.FlexConfig;
import com.fortinet.marketplace.flex.entitlements.AssetFixtures;
import com.fortinet.marketplace.flex.entitlements.AssetFixtures.Customer;
import com.fortinet.marketplace.flex.entitlements.Entitlement;
import com.fortinet.marketplace.flex.entitlements.EntitlementService;
import com.fortinet.marketplace.flex.entitlements.TokenActivation;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import com.fortinet.marketplace.web.Csv;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET …/flex/usage} (by day, entitlement, configuration; provisional today), the usage figures of
 * {@code GET …/flex-program}, the program page's usage section and its CSV, and bad input as 400 problems.
 */
@PortalTest
class FlexUsageApiTest {

    static final FlexPoints VM2 = FlexPoints.parse("6.39");
    static final FlexPoints VM4 = FlexPoints.parse("12.91");

    @LocalServerPort int port;
    @Autowired AssetFixtures fixtures;
    @Autowired FlexProgramService programs;
    @Autowired EntitlementService entitlements;
    @Autowired ConfigService configs;
    @Autowired TokenActivation activation;
    @Autowired DailyUsageWriter writer;
    @Autowired com.fortinet.marketplace.flex.FlexLedger ledger;
    @Autowired BusinessClock clock;

    /** Two VMs since 5 days ago: one on 2 CPUs, one on 4; the first three days written by the job. */
    record Setup(Customer customer, FlexProgram program, FlexConfig small, FlexConfig large, Entitlement a, Entitlement b,
                 LocalDate today) {
    }

    Setup setup() {
        Customer c = fixtures.withProgram();
        FlexProgram p = programs.ofAccount(c.accountId()).orElseThrow();
        LocalDate today = clock.today();
        FlexConfig small = vmConfig(c, 2, "ENT", today.minusDays(5));
        FlexConfig large = vmConfig(c, 4, "ENT", today.minusDays(5));
        Entitlement a = vm(c, small, today.minusDays(5));
        Entitlement b = vm(c, large, today.minusDays(5));
        writer.catchUp(p.id(), today.minusDays(2));
        return new Setup(c, p, small, large, a, b, today);
    }

    Entitlement vm(Customer c, FlexConfig config, LocalDate day) {
        Instant at = day.atTime(LocalTime.of(9, 0)).atZone(BusinessClock.ZONE).toInstant();
        Entitlement e = entitlements.createAt(c.accountId(), new EntitlementService.NewEntitlements(config.id(), 1L, null,
                "api test", null), c.actor(), at).get(0);
        activation.activateAt(e.token(), "192.0.2.8", at.plusSeconds(60));
        return e;
    }

    @Test
    void usageByEntitlementAndDayWithTodayProvisional() {
        Setup s = setup();
        var api = new ApiClient(port, s.customer().apiKey());
        String base = "/api/v1/accounts/" + s.customer().accountId() + "/flex/usage";
        var all = api.get(base + "?from=" + s.today().minusDays(5) + "&to=" + s.today());
        assertThat(all.status()).isEqualTo(200);
        var rows = all.json().get("rows");
        assertThat(rows.size()).as("two VMs × six days").isEqualTo(12);
        assertThat(all.json().get("total").decimalValue()).isEqualByComparingTo(VM2.plus(VM4).times(6).toBigDecimal());
        int provisional = 0;
        for (var r : rows) {
            LocalDate date = LocalDate.parse(r.get("date").asString());
            assertThat(r.get("provisional").asBoolean()).as("row of %s", date).isEqualTo(date.isAfter(s.today().minusDays(3)));
            provisional += r.get("provisional").asBoolean() ? 1 : 0;
        }
        assertThat(provisional).as("days not written yet: the last two and today").isEqualTo(6);

        var byDay = api.get(base + "?from=" + s.today().minusDays(5) + "&to=" + s.today() + "&by=day").json();
        assertThat(byDay.get("rows").size()).isEqualTo(6);
        assertThat(byDay.get("rows").get(0).get("points").decimalValue()).isEqualByComparingTo(VM2.plus(VM4).toBigDecimal());
        assertThat(byDay.get("rows").get(0).has("serialNumber")).isFalse();

        var byConfig = api.get(base + "?from=" + s.today().minusDays(5) + "&to=" + s.today() + "&by=config").json().get("rows");
        assertThat(byConfig.size()).isEqualTo(2);
        assertThat(byConfig.get(0).get("configId").asLong()).as("largest first").isEqualTo(s.large().id());
        assertThat(byConfig.get(0).get("points").decimalValue()).isEqualByComparingTo(VM4.times(6).toBigDecimal());

        var byEntitlement = api.get(base + "?by=entitlement").json();
        assertThat(byEntitlement.get("from").asString()).as("default: the last 30 days").isEqualTo(s.today().minusDays(29).toString());
        assertThat(byEntitlement.get("rows").get(0).get("serialNumber").asString()).isEqualTo(s.b().serialNumber());
    }

    @Test
    void theProgramCarriesItsUsageFigures() {
        Setup s = setup();
        var program = new ApiClient(port, s.customer().apiKey()).get("/api/v1/accounts/" + s.customer().accountId() + "/flex-program").json();
        FlexPoints perDay = VM2.plus(VM4);
        assertThat(program.get("todayProvisional").decimalValue()).isEqualByComparingTo(perDay.toBigDecimal());
        // Five of the last seven days ran: (5 × 19.30) / 7 = 13.785… → 13.78.
        assertThat(program.get("averageDailyBurn").decimalValue())
                .isEqualByComparingTo(new FlexPoints(perDay.times(5).hundredths() / 7).toBigDecimal());
        assertThat(program.get("yearAvailable").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(program.get("yearConsumed").decimalValue()).as("written days only")
                .isEqualByComparingTo(perDay.times(3).toBigDecimal());
        FlexPoints balance = FlexPoints.of(1000).minus(perDay.times(3));
        FlexPoints burn = new FlexPoints(perDay.times(5).hundredths() / 7);
        assertThat(program.get("runOutDate").asString())
                .isEqualTo(s.today().plusDays(balance.hundredths() / burn.hundredths()).toString());
    }

    @Test
    void thePageShowsUsageAndExportsIt() {
        Setup s = setup();
        WebSession web = WebSession.signedIn(port, s.customer().email(), s.customer().password());
        String page = web.get("/accounts/" + s.customer().accountId() + "/flex").body();
        assertThat(page).contains("id=\"flex-usage\"").contains("id=\"flex-today\">19.30<")
                .contains("id=\"flex-usage-by-config\"").contains(s.a().serialNumber()).contains("<rect class=\"usage-bar");
        var csv = web.get("/accounts/" + s.customer().accountId() + "/flex/usage.csv?by=entitlement&from="
                + s.today().minusDays(5) + "&to=" + s.today());
        assertThat(csv.status()).isEqualTo(200);
        List<List<String>> rows = Csv.parse(csv.body()).stream().map(Csv.Row::fields).toList();
        assertThat(rows.get(0)).containsExactly("date", "serial_number", "config_id", "points", "provisional");
        // A total per entitlement has no date: the cell is empty (Commons CSV quotes an empty first cell).
        assertThat(rows).contains(List.of("", s.b().serialNumber(), "", VM4.times(6).toString(), "true"),
                List.of("", s.a().serialNumber(), "", VM2.times(6).toString(), "true"));
    }

    @Test
    void thePartnerConsoleShowsEachCustomersFortiFlexBalanceAndRunOut() {
        long globex = fixtures.globex();
        FlexProgram p = programs.ofAccount(globex).orElseThrow();
        String body = WebSession.signedIn(port, "pat@partner.demo.test").get("/partner/customers").body();
        assertThat(body).contains("FortiFlex balance").contains(ledger.balance(p.id()).display()).contains(">postpaid<");
    }

    @Test
    void badQueriesAre400AndOtherAccountsAre404() {
        Setup s = setup();
        var api = new ApiClient(port, s.customer().apiKey());
        String base = "/api/v1/accounts/" + s.customer().accountId() + "/flex/usage";
        for (String q : List.of("?by=week", "?from=yesterday", "?to=2026-13-01", "?from=2026-05-02&to=2026-05-01",
                "?from=2000-01-01&to=2026-01-01")) {
            var r = api.get(base + q);
            assertThat(r.status()).as(q).isEqualTo(400);
            assertThat(r.isProblem()).as(q).isTrue();
        }
        assertThat(api.get(base + "?by=week").json().get("detail").asString()).contains("day, entitlement or config");
        Customer other = fixtures.customer(com.fortinet.marketplace.accounts.Permission.READ_WRITE);
        assertThat(api.get("/api/v1/accounts/" + other.accountId() + "/flex/usage").status()).isEqualTo(404);
        assertThat(new ApiClient(port, other.apiKey()).get("/api/v1/accounts/" + other.accountId() + "/flex/usage").status())
                .as("no program").isEqualTo(404);
    }

    /** A FortiGate-VM configuration created at 08:00 Pacific on {@code day} (before the history that uses it). */
    private FlexConfig vmConfig(Customer c, int cpus, String pkg, LocalDate day) {
        return configs.createAt(c.accountId(), "VM " + cpus + " " + pkg, 1, java.util.Map.of(1, List.of(String.valueOf(cpus)),
                2, List.of(pkg)), c.actor(), day.atTime(LocalTime.of(8, 0)).atZone(BusinessClock.ZONE).toInstant());
    }
}
