package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.flex.FlexLedgerInvariants;
import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexProgramService;
import com.fortinet.marketplace.flex.FlexProgramType;
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
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Postpaid monthly statements (DESIGN §4.4, §7): per entitlement and total, page, CSV and API; refusals as problems. */
@PortalTest
class FlexStatementsTest {

    static final FlexPoints VM2 = FlexPoints.parse("6.39");
    static final FlexPoints VM4 = FlexPoints.parse("12.91");

    @LocalServerPort int port;
    @Autowired AssetFixtures fixtures;
    @Autowired FlexProgramService programs;
    @Autowired ConfigService configs;
    @Autowired EntitlementService entitlements;
    @Autowired TokenActivation activation;
    @Autowired DailyUsageWriter writer;
    @Autowired BusinessClock clock;
    @Autowired JdbcTemplate jdbc;

    /**
     * Last month of a postpaid program: a 2-CPU VM ran all month, a 4-CPU VM was stopped at noon on the 10th (the day of
     * stopping is charged).
     */
    @Test
    void lastMonthsStatementPerEntitlementWithItsTotal() {
        Customer c = fixtures.customer(Permission.READ_WRITE);
        YearMonth month = YearMonth.from(clock.today()).minusMonths(1);
        LocalDate start = month.atDay(1).minusDays(3);
        FlexProgram program = programs.create(c.accountId(), FlexProgramType.POSTPAID, null, start, start.plusYears(1), null);
        FlexConfig small = config(c, 2, start);
        FlexConfig large = config(c, 4, start);
        Entitlement a = vm(c, small, start);
        Entitlement b = vm(c, large, start);
        entitlements.stopAt(c.accountId(), List.of(b.serialNumber()), c.actor(), at(month.atDay(10), 12));
        writer.catchUp(program.id(), clock.today());

        var api = new ApiClient(port, c.apiKey());
        var r = api.get("/api/v1/accounts/" + c.accountId() + "/flex/statements?month=" + month);
        assertThat(r.status()).isEqualTo(200);
        var json = r.json();
        assertThat(json.get("month").asString()).isEqualTo(month.toString());
        assertThat(json.get("provisional").asBoolean()).isFalse();
        Map<String, FlexPoints> lines = new java.util.TreeMap<>();
        json.get("lines").forEach(l -> lines.put(l.get("serialNumber").asString(), FlexPoints.of(l.get("points").decimalValue())));
        FlexPoints aPoints = VM2.times(month.lengthOfMonth());
        FlexPoints bPoints = VM4.times(10);
        assertThat(lines).containsExactlyInAnyOrderEntriesOf(Map.of(a.serialNumber(), aPoints, b.serialNumber(), bPoints));
        assertThat(FlexPoints.of(json.get("total").decimalValue())).isEqualTo(aPoints.plus(bPoints));

        WebSession web = WebSession.signedIn(port, c.email(), c.password());
        assertThat(web.get("/accounts/" + c.accountId() + "/flex/statements?month=" + month).body())
                .contains("id=\"flex-statement-total\">" + aPoints.plus(bPoints).display() + "<");
        var csv = web.get("/accounts/" + c.accountId() + "/flex/statements.csv?month=" + month);
        assertThat(csv.body().lines().toList()).containsExactly(
                "month,program,serial_number,config_id,points,provisional",
                month + "," + program.serialNumber() + "," + a.serialNumber() + "," + small.id() + "," + aPoints + ",false",
                month + "," + program.serialNumber() + "," + b.serialNumber() + "," + large.id() + "," + bPoints + ",false",
                month + "," + program.serialNumber() + ",TOTAL,," + aPoints.plus(bPoints) + ",false");
        // This month is still running: provisional.
        assertThat(api.get("/api/v1/accounts/" + c.accountId() + "/flex/statements").json().get("provisional").asBoolean()).isTrue();
        FlexLedgerInvariants.assertHold(jdbc, program.id());
    }

    @Test
    void prepaidBadAndFutureMonthsAndNoProgramAreRefused() {
        Customer prepaid = fixtures.withProgram();
        var api = new ApiClient(port, prepaid.apiKey());
        var refused = api.get("/api/v1/accounts/" + prepaid.accountId() + "/flex/statements");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("postpaid");
        Customer postpaid = fixtures.customer(Permission.READ_WRITE);
        fixtures.program(postpaid.accountId(), FlexProgramType.POSTPAID);
        var p = new ApiClient(port, postpaid.apiKey());
        String base = "/api/v1/accounts/" + postpaid.accountId() + "/flex/statements?month=";
        assertThat(p.get(base + "2026-13").status()).isEqualTo(400);
        assertThat(p.get(base + "last").status()).isEqualTo(400);
        var future = p.get(base + YearMonth.from(clock.today()).plusMonths(1));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("detail").asString()).contains("has not begun");
        Customer none = fixtures.customer(Permission.READ_WRITE);
        assertThat(new ApiClient(port, none.apiKey()).get("/api/v1/accounts/" + none.accountId() + "/flex/statements")
                .status()).isEqualTo(404);
        assertThat(WebSession.signedIn(port, postpaid.email(), postpaid.password())
                .get("/accounts/" + postpaid.accountId() + "/flex/statements?month=2026-13").body()).contains("id=\"month-error\"");
    }

    private FlexConfig config(Customer c, int cpus, LocalDate day) {
        return configs.createAt(c.accountId(), "VM " + cpus, 1, Map.of(1, List.of(String.valueOf(cpus)), 2, List.of("ENT")),
                c.actor(), at(day, 8));
    }

    private Entitlement vm(Customer c, FlexConfig config, LocalDate day) {
        Entitlement e = entitlements.createAt(c.accountId(), new EntitlementService.NewEntitlements(config.id(), 1L, null,
                "statement test", null), c.actor(), at(day, 9)).get(0);
        activation.activateAt(e.token(), "192.0.2.10", at(day, 10));
        return e;
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(BusinessClock.ZONE).toInstant();
    }
}
