package com.fortinet.marketplace.partners;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.points.PackService;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class PartnerConsoleTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    PackService packs;
    @Autowired
    PartnerConsole console;
    @Autowired
    BusinessClock clock;
    @Autowired
    JdbcTemplate jdbc;

    long partner;
    long zeta;
    long alpha;
    String run;
    LocalDate today;

    @BeforeEach
    void customers() {
        today = clock.today();
        run = UUID.randomUUID().toString().substring(0, 8);
        partner = accounts.create("Console partner " + run, AccountType.PARTNER, Region.EMEA).getId();
        zeta = customer("Zeta " + run);
        alpha = customer("Alpha " + run);
        for (int i = 0; i < 25; i++) {
            customer(String.format("Filler %02d %s", i, run));
        }
        // Zeta: 10,000 spendable, of which 1,000 expire within 90 days (the 100- and 200-day ones do not).
        packs.addPack(zeta, "FC-10-FPNTS-1K", today.minusYears(3).plusDays(30), PackService.Source.DEMO, null, "t");
        packs.addPack(zeta, "FC-10-FPNTS-5K", today.minusDays(10), PackService.Source.DEMO, null, "t");
        packs.addPack(zeta, "FC-10-FPNTS-1K", today.minusDays(5), PackService.Source.DEMO, null, "t");
        packs.addPack(zeta, "FC-10-FPNTS-1K", today.minusYears(3).plusDays(200), PackService.Source.DEMO, null, "t");
        packs.addPack(zeta, "FC-10-FPNTS-1K", today.minusYears(3).plusDays(100), PackService.Source.DEMO, null, "t");
        packs.addPack(zeta, "FC-10-FPNTS-1K", today.minusYears(2), PackService.Source.DEMO, null, "t");
        // Zeta's units: lapsed (in grace), lapsed long ago, 20 days left, 45 days, 80 days, 300 days.
        unit(zeta, "Z1", 0, "FC247");
        unit(zeta, "Z2", -200, "FC247");
        unit(zeta, "Z3", 20, "FC247", 300);   // soonest service counts: 20 days
        unit(zeta, "Z4", 45, "FC247");
        unit(zeta, "Z5", 80, "FC247");
        unit(zeta, "Z6", 300, "FC247");
        // Alpha: one lapsed unit, an order, its own 1,000 points; the partner's own points stay apart.
        unit(alpha, "A1", -30, "FC247");
        packs.addPack(alpha, "FC-10-FPNTS-1K", today, PackService.Source.DEMO, null, "t");
        packs.addPack(partner, "FC-10-FPNTS-50K", today, PackService.Source.DEMO, null, "t");
        jdbc.update("""
                insert into orders (transaction_number, account_id, paying_account_id, type, status, total_points,
                    idempotency_key, business_date, created_by)
                values (?, ?, ?, 'RENEW', 'COMPLETED', 0, ?, ?, 'test')""",
                "T" + run, alpha, partner, "k" + run, today.minusDays(3));
    }

    @Test
    void oneRowPerCustomerWithItsOwnFigures() {
        var page = console.customers(partner, "", ConsoleSort.NAME, false, today, PageRequest.of(0, 25));
        assertThat(page.getTotalElements()).isEqualTo(27);
        assertThat(page.getContent()).hasSize(25);
        CustomerOverview a = page.getContent().get(0);
        assertThat(a.accountId()).isEqualTo(alpha);
        assertThat(a.balance()).isEqualTo(1000);
        assertThat(a.unitsLapsed()).isEqualTo(1);
        assertThat(a.lastOrder()).isEqualTo(today.minusDays(3));
        CustomerOverview z = console.customers(partner, "Zeta", ConsoleSort.NAME, false, today, PageRequest.of(0, 25))
                .getContent().get(0);
        assertThat(z.accountId()).isEqualTo(zeta);
        assertThat(z.balance()).isEqualTo(1000 + 5000 + 1000 + 1000 + 1000 + 1000);
        assertThat(z.expiringIn90Days()).isEqualTo(1000);
        assertThat(z.units()).isEqualTo(6);
        assertThat(z.unitsLapsed()).isEqualTo(2);
        assertThat(z.unitsExpiring30()).isEqualTo(1);
        assertThat(z.unitsExpiring60()).isEqualTo(2);
        assertThat(z.unitsExpiring90()).isEqualTo(3);
        assertThat(z.lastOrder()).isNull();
        assertThat(console.ownBalance(partner, today)).isEqualTo(50000);
    }

    @Test
    void sortsSearchesAndPages() {
        var byLapsed = console.customers(partner, "", ConsoleSort.LAPSED, true, today, PageRequest.of(0, 25));
        assertThat(byLapsed.getContent().get(0).accountId()).isEqualTo(zeta);
        assertThat(byLapsed.getContent().get(1).accountId()).isEqualTo(alpha);
        var byOrder = console.customers(partner, "", ConsoleSort.LAST_ORDER, true, today, PageRequest.of(0, 25));
        assertThat(byOrder.getContent().get(0).accountId()).isEqualTo(alpha);
        var second = console.customers(partner, "", ConsoleSort.NAME, false, today, PageRequest.of(1, 25));
        assertThat(second.getContent()).hasSize(2);
        assertThat(second.getContent().get(1).accountId()).isEqualTo(zeta);
        assertThat(console.customers(partner, String.valueOf(zeta), ConsoleSort.NAME, false, today, PageRequest.of(0, 25))
                .getContent()).extracting(CustomerOverview::accountId).containsExactly(zeta);
        assertThat(console.customers(partner, "100%_", ConsoleSort.NAME, false, today, PageRequest.of(0, 25))
                .getTotalElements()).isZero();
    }

    @Test
    void patSeesOnlyTheCustomersPatManagesAndOthersCannotOpenTheConsole() {
        WebSession pat = WebSession.signedIn(port, "pat@partner.demo.test");
        var page = pat.get("/partner/customers");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Globex").contains("Initech").doesNotContain(">Acme<");
        assertThat(pat.get("/").location()).endsWith("/partner/customers");
        assertThat(WebSession.signedIn(port, "alice@acme.demo.test").get("/partner/customers").status()).isEqualTo(403);
        assertThat(WebSession.signedIn(port, "staff@demo.test").get("/partner/customers").status()).isEqualTo(403);
    }

    private long customer(String name) {
        Account c = accounts.create(name, AccountType.CUSTOMER, Region.EMEA);
        accounts.link(partner, c.getId());
        return c.getId();
    }

    private void unit(long account, String tag, int endOffset, String service) {
        unit(account, tag, endOffset, service, null);
    }

    private void unit(long account, String tag, int endOffset, String service, Integer secondServiceOffset) {
        String serial = ("PC" + run + tag).toUpperCase();
        jdbc.update("insert into units (serial_number, family, model, account_id) values (?, 'FortiGate', 'FGT60F', ?)",
                serial, account);
        long unit = jdbc.queryForObject("select id from units where serial_number = ?", Long.class, serial);
        contract(unit, service, today.plusDays(endOffset));
        if (secondServiceOffset != null) {
            contract(unit, "UTP", today.plusDays(secondServiceOffset));
        }
        // an older contract of the same service must not count: only the latest per service does
        contract(unit, service, today.plusDays(endOffset).minusYears(1));
    }

    private void contract(long unit, String service, LocalDate end) {
        jdbc.update("""
                insert into service_contracts (unit_id, service, contract_number, start_date, end_date, channel, kind)
                values (?, ?, ?, ?, ?, 'IMPORT', 'NEW')""", unit, service,
                "T" + UUID.randomUUID().toString().substring(0, 20), end.minusYears(1), end);
    }
}
