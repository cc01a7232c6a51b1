package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.orders.OrderRequest;
import com.fortinet.marketplace.orders.OrderService;
import com.fortinet.marketplace.orders.OrderType;
import com.fortinet.marketplace.points.PackService;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import com.fortinet.marketplace.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RTS figures for a hand-built installed base where every number is known. The units carry a family of their own
 * (unique per run), so the filter isolates them from everything else in the shared test database; the period is in
 * 2031, far from other data.
 */
@PortalTest
class RtsFiguresTest {

    static final LocalDate TODAY = LocalDate.of(2031, 6, 5);
    static final Period PERIOD = new Period(LocalDate.of(2031, 5, 1), LocalDate.of(2031, 6, 30));

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountService accountService;
    @Autowired
    UserService users;
    @Autowired
    RtsReports reports;
    @Autowired
    PoRenewals poRenewals;
    @Autowired
    PackService packs;
    @Autowired
    OrderService orders;
    @Autowired
    TransactionReports transactions;

    String family;
    long customer;
    long partner;
    Map<String, Long> contracts = new java.util.HashMap<>();

    @BeforeEach
    void buildInstalledBase() {
        clock.setBusinessDate(TODAY);
        String run = UUID.randomUUID().toString().substring(0, 8);
        family = "RtsTest-" + run;
        Account c = accountService.create("RTS customer " + run, AccountType.CUSTOMER, Region.LATAM);
        Account p = accountService.create("RTS partner " + run, AccountType.PARTNER, Region.LATAM);
        customer = c.getId();
        partner = p.getId();
        accountService.link(partner, customer);
        // FGT60F list prices (12 months): FC247 180, UTP 430.
        contract("A", "FC247", "2031-05-10");   // renewed with FortiPoints
        contract("B", "FC247", "2031-05-12");   // renewed by PO (recorded below: backdated 24 days)
        contract("C", "UTP", "2031-05-03");     // backdated renewal with FortiPoints
        contract("D", "FC247", "2031-05-20");   // expired: lapsed 16 days
        contract("E", "UTP", "2031-05-01");     // expired: lapsed 35 days
        contract("F", "FC247", "2031-05-30");   // in grace: lapsed 6 days
        contract("G", "FC247", "2031-06-05");   // in grace: ends today (coverage [start, end) ended)
        contract("H", "FC247", "2031-06-20");   // not ended yet
        contract("I", "FC247", "2031-07-15");   // after the period: not due
        long upgraded = contract("J", "FC247", "2031-05-15");  // cut short by an upgrade: not due
        jdbc.update("update service_contracts set original_end_date = '2031-09-01' where id = ?", upgraded);
        successor("A", "POINTS", "2031-05-10", 180);
        successor("C", "POINTS", "2031-05-03", 430);
        poRenewals.record(staff(), contracts.get("B"), 12, "PO-" + run, "");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void everyFigureOfTheHandBuiltBase() {
        RtsFigures f = reports.summary(PERIOD, byFamily(null), TODAY);
        assertThat(f.due()).isEqualTo(8);
        assertThat(f.renewed()).isEqualTo(3);
        assertThat(f.renewedAmount()).isEqualTo(180 + 180 + 430);
        assertThat(f.expired()).isEqualTo(2);
        assertThat(f.expiredAmount()).isEqualTo(180 + 430);
        assertThat(f.inGrace()).isEqualTo(2);
        assertThat(f.open()).isEqualTo(1);
        assertThat(f.rate()).isEqualByComparingTo("0.6");
        assertThat(f.rateText()).isEqualTo("60.0 %");
        assertThat(f.renewedByPoints()).isEqualTo(2);
        assertThat(f.renewedByPointsAmount()).isEqualTo(610);
        assertThat(f.renewedByPo()).isEqualTo(1);
        assertThat(f.renewedByPoAmount()).isEqualTo(180);
    }

    @Test
    void channelFilterCountsThatChannelsRenewalsAndTheRatesAddUp() {
        RtsFigures points = reports.summary(PERIOD, byFamily(Channel.POINTS), TODAY);
        RtsFigures po = reports.summary(PERIOD, byFamily(Channel.PO), TODAY);
        assertThat(points.renewed()).isEqualTo(2);
        assertThat(points.renewedAmount()).isEqualTo(610);
        assertThat(po.renewed()).isEqualTo(1);
        assertThat(po.renewedAmount()).isEqualTo(180);
        assertThat(points.due()).isEqualTo(8);
        assertThat(points.expired()).isEqualTo(2);
        assertThat(points.rate()).isEqualByComparingTo("0.4");
        assertThat(po.rate()).isEqualByComparingTo("0.2");
    }

    @Test
    void partnerAndRegionFiltersSelectTheCustomersUnits() {
        RtsFigures byPartner = reports.summary(PERIOD, new RtsFilter(null, partner, family, null), TODAY);
        assertThat(byPartner.due()).isEqualTo(8);
        RtsFigures otherRegion = reports.summary(PERIOD, new RtsFilter(Region.APAC, null, family, null), TODAY);
        assertThat(otherRegion.due()).isZero();
        assertThat(otherRegion.rateText()).isEqualTo(RtsFigures.NO_RATE);
    }

    /** The partner filter: its managed customers and its own account, nobody else's (figures and drill-down alike). */
    @Test
    void thePartnerFilterCoversItsOwnUnitsAndNotAnUnlinkedCustomers() {
        String otherFamily = family + "-own";
        Account stranger = accountService.create("RTS stranger " + family, AccountType.CUSTOMER, Region.LATAM);
        unitWithContract("OWN", otherFamily, partner, "2031-05-10");
        unitWithContract("STR", otherFamily, stranger.getId(), "2031-05-11");
        RtsFilter byPartner = new RtsFilter(null, partner, otherFamily, null);
        assertThat(reports.summary(PERIOD, byPartner, TODAY).due()).isEqualTo(1);
        assertThat(reports.contracts(PERIOD, byPartner, null, TODAY, org.springframework.data.domain.PageRequest.of(0, 10))
                .getContent()).extracting(DueContract::serialNumber).containsExactly(serial("OWN"));
        assertThat(reports.summary(PERIOD, new RtsFilter(null, null, otherFamily, null), TODAY).due()).isEqualTo(2);
    }

    private void unitWithContract(String name, String unitFamily, long accountId, String end) {
        jdbc.update("insert into units (serial_number, family, model, account_id) values (?, ?, 'FGT60F', ?)",
                serial(name), unitFamily, accountId);
        long unit = jdbc.queryForObject("select id from units where serial_number = ?", Long.class, serial(name));
        LocalDate e = LocalDate.parse(end);
        jdbc.update("""
                insert into service_contracts (unit_id, service, contract_number, start_date, end_date, channel, kind)
                values (?, 'FC247', ?, ?, ?, 'IMPORT', 'NEW')""", unit, "T" + UUID.randomUUID().toString().substring(0, 20),
                e.minusMonths(12), e);
    }

    @Test
    void aMarketplaceOrderMovesAnExpiredContractToRenewedAtOnce() {
        packs.addPack(customer, "FC-10-FPNTS-1K", TODAY, PackService.Source.DEMO, null, "rts-test");
        var buyer = users.create(new UserService.NewUser("rts-" + family.toLowerCase() + "@example.test", "Buyer",
                "password-123", Role.CUSTOMER_USER, Permission.READ_WRITE, customer));
        PortalUser me = PortalUser.of(buyer, false);
        var placed = orders.place(me, new OrderRequest(customer, null, OrderType.RENEW, null,
                List.of(new OrderRequest.Line(serial("D"), "FC247", 12, null)), "RTS test"), "rts-" + family);
        RtsFigures f = reports.summary(PERIOD, byFamily(null), TODAY);
        assertThat(f.renewed()).isEqualTo(4);
        assertThat(f.expired()).isEqualTo(1);
        assertThat(f.renewedAmount()).isEqualTo(790 + 180);
        assertThat(f.expiredAmount()).isEqualTo(430);
        assertThat(f.rate()).isEqualByComparingTo("0.8");
        assertThat(f.renewedByPoints()).isEqualTo(3);
        var renewed = reports.contracts(PERIOD, byFamily(Channel.POINTS), RenewalStatus.RENEWED, TODAY,
                org.springframework.data.domain.PageRequest.of(0, 25));
        assertThat(renewed.getContent()).filteredOn(c -> c.id() == contracts.get("D")).singleElement().satisfies(c -> {
            assertThat(c.orderNumber()).isEqualTo(placed.order().transactionNumber());
            assertThat(c.backdatedDays()).isEqualTo(16);
            assertThat(c.successorStart()).isEqualTo(LocalDate.of(2031, 5, 20));
        });
        var review = transactions.search(new TransactionReports.Filter(TODAY, TODAY, placed.order().transactionNumber(),
                null, true, null, null), org.springframework.data.domain.PageRequest.of(0, 25));
        assertThat(review.getContent()).singleElement().satisfies(o -> {
            assertThat(o.backdated()).isTrue();
            assertThat(o.totalPoints()).isEqualTo(180);
        });
    }

    @Test
    void graceEndsAfterTenDays() {
        clock.setBusinessDate(LocalDate.of(2031, 6, 15));   // G ended 10 days ago: still in grace; F 16 days: expired
        RtsFigures f = reports.summary(PERIOD, byFamily(null), LocalDate.of(2031, 6, 15));
        assertThat(f.inGrace()).isEqualTo(1);
        assertThat(f.expired()).isEqualTo(3);
    }

    @Test
    void drillDownListsTheContractsBehindEachFigure() {
        var expired = reports.contracts(PERIOD, byFamily(null), RenewalStatus.EXPIRED, TODAY,
                org.springframework.data.domain.PageRequest.of(0, 25));
        assertThat(expired.getContent()).extracting(DueContract::id)
                .containsExactly(contracts.get("E"), contracts.get("D"));
        assertThat(expired.getContent()).extracting(DueContract::expiredAmount).containsExactly(430L, 180L);
        var renewed = reports.contracts(PERIOD, byFamily(Channel.PO), RenewalStatus.RENEWED, TODAY,
                org.springframework.data.domain.PageRequest.of(0, 25));
        assertThat(renewed.getContent()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(contracts.get("B"));
            assertThat(c.successorChannel()).isEqualTo("PO");
            assertThat(c.backdatedDays()).isEqualTo(24);
            assertThat(c.successorStart()).isEqualTo(LocalDate.of(2031, 5, 12));
        });
    }

    @Test
    void poRenewalChangesNoPointsAndCannotRenewTwice() {
        long ledgerRows = count("select count(*) from points_ledger");
        long remaining = count("select coalesce(sum(remaining), 0) from point_packs");
        poRenewals.record(staff(), contracts.get("D"), 36, "PO-2", "1000");
        assertThat(count("select count(*) from points_ledger")).isEqualTo(ledgerRows);
        assertThat(count("select coalesce(sum(remaining), 0) from point_packs")).isEqualTo(remaining);
        assertThat(reports.summary(PERIOD, byFamily(Channel.PO), TODAY).renewedAmount()).isEqualTo(180 + 1000);
        assertThatThrownBy(() -> poRenewals.record(staff(), contracts.get("D"), 12, "PO-3", ""))
                .isInstanceOf(com.fortinet.marketplace.web.ConflictException.class);
        assertThatThrownBy(() -> poRenewals.record(staff(), contracts.get("H"), 24, "PO-4", ""))
                .isInstanceOf(com.fortinet.marketplace.web.InvalidInputException.class);
    }

    @Test
    void apiSummaryForStaffWithProblemsForBadDates() {
        ApiClient staff = new ApiClient(port, "demo-staff");
        var r = staff.get("/api/v1/rts/summary?from=2031-05-01&to=2031-06-30&family=" + family);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("due").asLong()).isEqualTo(8);
        assertThat(r.json().get("renewed").asLong()).isEqualTo(3);
        assertThat(r.json().get("expired").asLong()).isEqualTo(2);
        assertThat(r.json().get("renewedAmount").asLong()).isEqualTo(790);
        assertThat(r.json().get("expiredAmount").asLong()).isEqualTo(610);
        assertThat(new BigDecimal(r.json().get("renewalRate").asString())).isEqualByComparingTo("0.6");
        for (String bad : new String[]{"", "?from=2031-05-01", "?from=2031-05-01&to=2031-13-01",
                "?from=2031-06-30&to=2031-05-01", "?from=yesterday&to=2031-05-01"}) {
            var p = staff.get("/api/v1/rts/summary" + bad);
            assertThat(p.status()).as(bad).isEqualTo(400);
            assertThat(p.isProblem()).as(bad).isTrue();
        }
        var none = staff.get("/api/v1/rts/summary?from=2031-05-01&to=2031-06-30&family=NoSuchFamily");
        assertThat(none.json().get("renewalRate").isNull()).isTrue();
    }

    @Test
    void customersAndPartnersGet403OnRtsPagesAndApi() {
        for (String key : new String[]{"demo-alice", "demo-pat", "demo-bob", "demo-admin"}) {
            var r = new ApiClient(port, key).get("/api/v1/rts/summary?from=2031-05-01&to=2031-06-30");
            assertThat(r.status()).as(key).isEqualTo(403);
        }
        for (String email : new String[]{"alice@acme.demo.test", "pat@partner.demo.test"}) {
            WebSession s = WebSession.signedIn(port, email);
            for (String path : new String[]{"/rts", "/rts/contracts", "/rts/transactions", "/rts/contracts.csv",
                    "/rts/po-renewals/new?contractId=" + contracts.get("D")}) {
                assertThat(s.get(path).status()).as(email + " " + path).isEqualTo(403);
            }
            assertThat(s.post("/rts/po-renewals", Map.of("contractId", String.valueOf(contracts.get("D")),
                    "poNumber", "X")).status()).isEqualTo(403);
        }
        assertThat(count("select count(*) from service_contracts where renews_contract_id = " + contracts.get("D"))).isZero();
    }

    @Test
    void staffReadTheSummaryListsAndCsv() {
        WebSession s = WebSession.signedIn(port, "staff@demo.test");
        String q = "from=2031-05-01&to=2031-06-30&family=" + family;
        var summary = s.get("/rts?" + q);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.body()).contains("60.0 %").contains("3 renewed ÷ (3 renewed + 2 expired)");
        var list = s.get("/rts/contracts?status=EXPIRED&" + q);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(serial("D")).contains(serial("E")).doesNotContain(serial("A"));
        var csv = s.get("/rts/contracts.csv?status=EXPIRED&" + q);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().lines().count()).isEqualTo(3);
        assertThat(s.get("/rts/transactions?from=2031-01-01").status()).isEqualTo(200);
        assertThat(s.get("/rts/transactions.csv").status()).isEqualTo(200);
        assertThat(s.get("/rts?from=2031-06-30&to=2031-05-01").body()).contains("is before its start");
    }

    // ---- helpers ----

    private RtsFilter byFamily(Channel channel) {
        return new RtsFilter(null, null, family, channel);
    }

    private String serial(String name) {
        return (family.substring(8) + name + "SERIAL").toUpperCase();
    }

    private long contract(String name, String service, String end) {
        Long unit = jdbc.query("select id from units where serial_number = ?", rs -> rs.next() ? rs.getLong(1) : null, serial(name));
        if (unit == null) {
            jdbc.update("insert into units (serial_number, family, model, account_id) values (?, ?, 'FGT60F', ?)",
                    serial(name), family, customer);
            unit = jdbc.queryForObject("select id from units where serial_number = ?", Long.class, serial(name));
        }
        LocalDate e = LocalDate.parse(end);
        jdbc.update("""
                insert into service_contracts (unit_id, service, contract_number, start_date, end_date, channel, kind)
                values (?, ?, ?, ?, ?, 'IMPORT', 'NEW')""", unit, service, "T" + UUID.randomUUID().toString().substring(0, 20),
                e.minusMonths(12), e);
        long id = jdbc.queryForObject("select max(id) from service_contracts where unit_id = ?", Long.class, unit);
        contracts.put(name, id);
        return id;
    }

    private void successor(String name, String channel, String start, long points) {
        long renewed = contracts.get(name);
        Map<String, Object> c = jdbc.queryForMap("select unit_id, service from service_contracts where id = ?", renewed);
        LocalDate s = LocalDate.parse(start);
        jdbc.update("""
                insert into service_contracts (unit_id, service, contract_number, start_date, end_date, channel, kind,
                    renews_contract_id, points) values (?, ?, ?, ?, ?, ?, 'RENEWAL', ?, ?)""",
                c.get("unit_id"), c.get("service"), "T" + UUID.randomUUID().toString().substring(0, 20), s,
                s.plusMonths(12), channel, renewed, points);
    }

    private PortalUser staff() {
        return new PortalUser(0, "staff@demo.test", "Staff", "", Role.RENEWALS_STAFF, Permission.READ_WRITE, null, true, false);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
