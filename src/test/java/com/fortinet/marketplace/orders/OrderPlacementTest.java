package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.installedbase.CoverageStatus;
import com.fortinet.marketplace.installedbase.InstalledBase;
import com.fortinet.marketplace.points.InsufficientPointsException;
import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.points.SpendingService;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.ForbiddenException;
import com.fortinet.marketplace.web.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Orders on the real database: contracts, ledger and history change together or not at all. */
@PortalTest
class OrderPlacementTest {

    static final LocalDate T = LocalDate.parse("2026-11-25");

    @Autowired MarketFixtures fx;
    @Autowired OrderService orders;
    @Autowired InstalledBase base;
    @Autowired Orders orderRepository;
    @Autowired SpendingService spending;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired BusinessClock businessClock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static OrderRequest renew(Account a, String... serials) {
        List<OrderRequest.Line> lines = new ArrayList<>();
        for (String s : serials) {
            lines.add(new OrderRequest.Line(s, "FC247", 12, null));
        }
        return new OrderRequest(a.getId(), null, OrderType.RENEW, null, lines, "test order");
    }

    long contractsOf(Account a) {
        return jdbc.queryForObject("select count(*) from service_contracts c join units u on u.id = c.unit_id where u.account_id = ?",
                Long.class, a.getId());
    }

    long ledgerRows(Account a) {
        return jdbc.queryForObject("select count(*) from points_ledger where account_id = ?", Long.class, a.getId());
    }

    @Test
    void anOrderUpdatesContractsLedgerAndHistoryTogether() {
        clock.setBusinessDate(T);
        Account acme = fx.customer("Order test");
        PortalUser alice = fx.principal(fx.user(acme, Permission.READ_WRITE));
        fx.points(acme, "FC-10-FPNTS-1K");
        String lapsed = fx.unit(acme, "FGT60F", "HQ", -47, "FC247", "UTP");

        var placed = orders.place(alice, renew(acme, lapsed), "key-" + UUID.randomUUID());

        OrderView o = placed.order();
        assertThat(placed.replayed()).isFalse();
        assertThat(o.transactionNumber()).matches("FMP-2026-\\d{6}");
        assertThat(o.totalPoints()).isEqualTo(180);
        assertThat(o.lines()).singleElement().satisfies(l -> {
            assertThat(l.startDate()).isEqualTo(LocalDate.parse("2026-10-09"));
            assertThat(l.endDate()).isEqualTo(LocalDate.parse("2027-10-09"));
            assertThat(l.backdatedDays()).isEqualTo(47);
            assertThat(l.explanation()).isEqualTo("backdated 47 days to 2026-10-09 under the Continuous Service Policy");
        });
        // contracts: the new one is active at once and points at the contract it renews
        var unit = base.findBySerial(lapsed, T).orElseThrow();
        assertThat(unit.coverageOf("FC247").orElseThrow().status()).isEqualTo(CoverageStatus.ACTIVE);
        assertThat(unit.coverageOf("UTP").orElseThrow().status()).isEqualTo(CoverageStatus.LAPSED);
        Map<String, Object> c = jdbc.queryForMap("select * from service_contracts where contract_number = ?",
                o.lines().get(0).contractNumber());
        assertThat(c.get("channel")).isEqualTo("POINTS");
        assertThat(c.get("kind")).isEqualTo("RENEWAL");
        assertThat(c.get("renews_contract_id")).isNotNull();
        // ledger: one charge referencing the transaction number
        assertThat(spending.balance(acme.getId())).isEqualTo(820);
        Map<String, Object> entry = jdbc.queryForMap("select * from points_ledger where account_id = ? and kind = 'ORDER_CHARGED'", acme.getId());
        assertThat(entry.get("reference")).isEqualTo(o.transactionNumber());
        assertThat(((Number) entry.get("points")).longValue()).isEqualTo(-180);
        assertThat(o.ledgerEntryId()).isEqualTo(((Number) entry.get("id")).longValue());
        // history
        var history = orderRepository.historyAll(acme.getId(), new Orders.HistoryFilter(T, T, OrderType.RENEW));
        assertThat(history).extracting(OrderView::transactionNumber).containsExactly(o.transactionNumber());
        LedgerInvariants.assertHold(jdbc, acme.getId());
    }

    @Test
    void aRefusedThirdLineLeavesNoContractAndNoCharge() {
        clock.setBusinessDate(T);
        Account a = fx.customer("Line 3");
        PortalUser user = fx.principal(fx.user(a, Permission.READ_WRITE));
        fx.points(a, "FC-10-FPNTS-5K");
        String one = fx.unit(a, "FGT60F", "HQ", 20, "FC247");
        String two = fx.unit(a, "FGT60F", "HQ", -5, "FC247");
        String noLocation = fx.unit(a, "FGT60F", null, 20, "FC247");
        long contracts = contractsOf(a);
        long rows = ledgerRows(a);
        var request = new OrderRequest(a.getId(), null, OrderType.RENEW, null, List.of(
                new OrderRequest.Line(one, "FC247", 12, null), new OrderRequest.Line(two, "FC247", 12, null),
                new OrderRequest.Line(noLocation, "PRMA", 12, null)), null);

        assertThatThrownBy(() -> orders.place(user, request, "k-" + UUID.randomUUID()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("Line 3").hasMessageContaining("PRMA needs the unit's location");

        assertThat(contractsOf(a)).isEqualTo(contracts);
        assertThat(ledgerRows(a)).isEqualTo(rows);
        assertThat(spending.balance(a.getId())).isEqualTo(5000);
        LedgerInvariants.assertHold(jdbc, a.getId());
    }

    @Test
    void aChargeThatFailsAfterTheContractsWereWrittenRollsThemBack() {
        clock.setBusinessDate(T);
        Account a = fx.customer("Rollback");
        PortalUser user = fx.principal(fx.user(a, Permission.READ_WRITE));
        fx.points(a, "FC-10-FPNTS-1K");
        String one = fx.unit(a, "FGT100F", "DC", 20, "FC247");
        String two = fx.unit(a, "FGT100F", "DC", 20, "FC247");
        long contracts = contractsOf(a);
        long orderCount = jdbc.queryForObject("select count(*) from orders where account_id = ?", Long.class, a.getId());

        // 2 × 650 points > 1,000: the spend (last step) refuses, after the order, lines and contracts were inserted.
        assertThatThrownBy(() -> orders.place(user, renew(a, one, two), "k-" + UUID.randomUUID()))
                .isInstanceOf(InsufficientPointsException.class)
                .satisfies(e -> assertThat(((InsufficientPointsException) e).shortfall()).isEqualTo(300));

        assertThat(contractsOf(a)).isEqualTo(contracts);
        assertThat(jdbc.queryForObject("select count(*) from orders where account_id = ?", Long.class, a.getId())).isEqualTo(orderCount);
        assertThat(spending.balance(a.getId())).isEqualTo(1000);
        LedgerInvariants.assertHold(jdbc, a.getId());
    }

    @Test
    void replayingAKeyReturnsTheFirstOrderAndChargesOnce() {
        Account a = fx.customer("Replay");
        PortalUser user = fx.principal(fx.user(a, Permission.READ_WRITE));
        fx.points(a, "FC-10-FPNTS-1K");
        String unit = fx.unit(a, "FGT60F", "HQ", 10, "FC247");
        String key = "replay-" + UUID.randomUUID();

        var first = orders.place(user, renew(a, unit), key);
        var second = orders.place(user, renew(a, unit), key);

        assertThat(second.replayed()).isTrue();
        assertThat(second.order().transactionNumber()).isEqualTo(first.order().transactionNumber());
        assertThat(spending.balance(a.getId())).isEqualTo(820);
        assertThat(jdbc.queryForObject("select count(*) from orders where account_id = ?", Long.class, a.getId())).isEqualTo(1);
        assertThat(contractsOf(a)).isEqualTo(2);
        LedgerInvariants.assertHold(jdbc, a.getId());
    }

    @Test
    void concurrentOrdersOnOneAccountNeverOverdraw() throws Exception {
        Account a = fx.customer("Concurrent");
        PortalUser user = fx.principal(fx.user(a, Permission.READ_WRITE));
        fx.points(a, "FC-10-FPNTS-1K");
        int threads = 4;
        List<String> units = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            units.add(fx.unit(a, "FGT100F", "DC", 30, "FC247"));     // 650 points each: only one fits in 1,000
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Boolean>> results = new ArrayList<>();
        for (String unit : units) {
            results.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                try {
                    orders.place(user, renew(a, unit), "c-" + UUID.randomUUID());
                    return true;
                } catch (InsufficientPointsException e) {
                    return false;
                }
            }));
        }
        int placed = 0;
        for (Future<Boolean> f : results) {
            placed += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(placed).isEqualTo(1);
        assertThat(spending.balance(a.getId())).isEqualTo(350);
        assertThat(jdbc.queryForObject("select count(*) from orders where account_id = ?", Long.class, a.getId())).isEqualTo(1);
        LedgerInvariants.assertHold(jdbc, a.getId());
    }

    @Test
    void upgradeEndsTheOldContractTodayAndCoTermProrates() {
        clock.setBusinessDate(T);
        Account a = fx.customer("Upgrade");
        PortalUser user = fx.principal(fx.user(a, Permission.READ_WRITE));
        fx.points(a, "FC-10-FPNTS-5K");
        String unit = fx.unit(a, "FGT60F", "HQ", 181, "FC247", "UTP");    // ends 2027-05-25

        var up = orders.place(user, new OrderRequest(a.getId(), null, OrderType.UPGRADE, null,
                List.of(new OrderRequest.Line(unit, "UTP", null, "ENT")), null), "u-" + UUID.randomUUID()).order();
        // (560 − 430) × 181 / 365 = 64.47 → 65
        assertThat(up.totalPoints()).isEqualTo(65);
        var u = base.findBySerial(unit, T).orElseThrow();
        assertThat(u.coverageOf("ENT").orElseThrow().startDate()).isEqualTo(T);
        assertThat(u.coverageOf("ENT").orElseThrow().endDate()).isEqualTo(LocalDate.parse("2027-05-25"));
        assertThat(u.coverageOf("UTP").orElseThrow().endDate()).isEqualTo(T);
        assertThat(u.coverageOf("UTP").orElseThrow().status()).isEqualTo(CoverageStatus.UPGRADED);

        // Upgrading again from the ended UTP is refused: it must be renewed, not upgraded.
        assertThatThrownBy(() -> orders.place(user, new OrderRequest(a.getId(), null, OrderType.UPGRADE, null,
                List.of(new OrderRequest.Line(unit, "UTP", null, "ENT")), null), "u2-" + UUID.randomUUID()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("No UTP contract to upgrade");

        String other = fx.unit(a, "FGT60F", "HQ", -47, "FC247");           // backdated to 2026-10-09
        var co = orders.place(user, new OrderRequest(a.getId(), null, OrderType.COTERM, LocalDate.parse("2027-05-25"),
                List.of(new OrderRequest.Line(other, "FC247", null, null)), null), "co-" + UUID.randomUUID()).order();
        // 180 × days(2026-10-09, 2027-05-25) = 180 × 228 / 365 = 112.4 → 113
        assertThat(co.lines().get(0).startDate()).isEqualTo(LocalDate.parse("2026-10-09"));
        assertThat(co.lines().get(0).endDate()).isEqualTo(LocalDate.parse("2027-05-25"));
        assertThat(co.totalPoints()).isEqualTo(113);
        assertThat(co.targetEndDate()).isEqualTo(LocalDate.parse("2027-05-25"));
        LedgerInvariants.assertHold(jdbc, a.getId());
    }

    @Test
    void partnerPaysFromItsOwnAccountForAManagedCustomer() {
        Account customer = fx.customer("Managed");
        Account partner = fx.partner("Reseller", customer);
        Account stranger = fx.customer("Not managed");
        PortalUser pat = fx.principal(fx.user(partner, Permission.READ_WRITE));
        fx.points(partner, "FC-10-FPNTS-1K");
        String unit = fx.unit(customer, "FGT60F", "Branch", 5, "FC247");

        var placed = orders.place(pat, new OrderRequest(customer.getId(), partner.getId(), OrderType.RENEW, null,
                List.of(new OrderRequest.Line(unit, "FC247", 12, null)), null), "p-" + UUID.randomUUID()).order();

        assertThat(placed.accountId()).isEqualTo(customer.getId());
        assertThat(placed.payingAccountId()).isEqualTo(partner.getId());
        assertThat(spending.balance(partner.getId())).isEqualTo(820);
        assertThat(orderRepository.historyAll(partner.getId(), new Orders.HistoryFilter(null, null, null)))
                .extracting(OrderView::transactionNumber).contains(placed.transactionNumber());
        assertThat(orderRepository.historyAll(customer.getId(), new Orders.HistoryFilter(null, null, null)))
                .extracting(OrderView::transactionNumber).contains(placed.transactionNumber());
        LedgerInvariants.assertHold(jdbc, partner.getId());

        // A customer can't make someone else pay, and a partner can't pay for an account it doesn't manage.
        PortalUser customerUser = fx.principal(fx.user(customer, Permission.READ_WRITE));
        assertThatThrownBy(() -> orders.place(customerUser, new OrderRequest(customer.getId(), partner.getId(),
                OrderType.RENEW, null, List.of(new OrderRequest.Line(unit, "FC247", 12, null)), null), "x-" + UUID.randomUUID()))
                .isInstanceOf(com.fortinet.marketplace.web.NotFoundException.class);
        assertThatThrownBy(() -> orders.place(pat, new OrderRequest(stranger.getId(), partner.getId(),
                OrderType.RENEW, null, List.of(new OrderRequest.Line(unit, "FC247", 12, null)), null), "y-" + UUID.randomUUID()))
                .isInstanceOf(com.fortinet.marketplace.web.NotFoundException.class);
    }

    @Test
    void readOnlyUsersAndMissingKeysAreRefused() {
        Account a = fx.customer("Read only");
        PortalUser ro = fx.principal(fx.user(a, Permission.READ_ONLY));
        PortalUser rw = fx.principal(fx.user(a, Permission.READ_WRITE));
        String unit = fx.unit(a, "FGT60F", "HQ", 5, "FC247");
        assertThatThrownBy(() -> orders.place(ro, renew(a, unit), "k")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> orders.place(rw, renew(a, unit), " ")).isInstanceOf(InvalidInputException.class);
        assertThat(orders.preview(ro, renew(a, unit)).total()).isEqualTo(180);
    }
    @Test
    void twoTabsPlacingTheSamePreviewAtOnceChargeOnceTheOtherSeesWhatChanged() throws Exception {
        clock.setBusinessDate(T);
        Account a = fx.customer("Stale race");
        PortalUser user = fx.principal(fx.user(a, Permission.READ_WRITE));
        fx.points(a, "FC-10-FPNTS-5K");
        String serial = fx.unit(a, "FGT60F", "Store 1", 30, "FC247");
        OrderRequest request = renew(a, serial);
        // both tabs saw the same preview; each has its own form key, so only the snapshot can tell them apart
        PreviewSnapshot seen = PreviewSnapshot.of(orders.preview(user, request));
        int tabs = 4;
        CyclicBarrier start = new CyclicBarrier(tabs);
        ExecutorService pool = Executors.newFixedThreadPool(tabs);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < tabs; i++) {
            String key = "tab-" + UUID.randomUUID();
            results.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                try {
                    return orders.place(user, request, key, seen);
                } catch (PreviewChangedException e) {
                    return e;
                }
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> f : results) {
            outcomes.add(f.get());
        }
        assertThat(outcomes.stream().filter(o -> o instanceof OrderService.Placed)).hasSize(1);
        List<PreviewChangedException> refused = outcomes.stream().filter(o -> o instanceof PreviewChangedException)
                .map(o -> (PreviewChangedException) o).toList();
        assertThat(refused).hasSize(tabs - 1);
        String oldEnd = T.plusDays(30).toString();
        String newEnd = T.plusDays(30).plusMonths(12).toString();
        assertThat(refused.get(0).changes()).singleElement().asString()
                .isEqualTo(serial + " FC247: was " + oldEnd + " to " + newEnd + " for 180 points, now " + newEnd + " to "
                        + T.plusDays(30).plusMonths(24) + " for 180 points.");
        assertThat(spending.balance(a.getId())).isEqualTo(5000 - 180);
        assertThat(jdbc.queryForObject("select count(*) from orders where account_id = ?", Long.class, a.getId())).isOne();
        LedgerInvariants.assertHold(jdbc, a.getId());
    }

    @Test
    void aPriceChangeAfterThePreviewIsRefusedWithNothingCharged() {
        clock.setBusinessDate(T);
        Account a = fx.customer("Stale price");
        PortalUser user = fx.principal(fx.user(a, Permission.READ_WRITE));
        fx.points(a, "FC-10-FPNTS-1K");
        String serial = fx.unit(a, "FGT60F", "Store 2", 30, "FC247");
        OrderRequest request = renew(a, serial);
        PreviewSnapshot seen = PreviewSnapshot.of(orders.preview(user, request));
        // the preview said 180; under the lock the same line costs something else
        PreviewSnapshot cheaper = new PreviewSnapshot(seen.lines().stream().map(e -> new PreviewSnapshot.Entry(e.serialNumber(),
                e.service(), e.newService(), e.termMonths(), e.start(), e.end(), 150, e.state())).toList());
        assertThatThrownBy(() -> orders.place(user, request, "price-1", cheaper))
                .isInstanceOf(PreviewChangedException.class)
                .hasMessageContaining("was " + T.plusDays(30) + " to " + T.plusDays(30).plusMonths(12) + " for 150 points, now")
                .hasMessageContaining("for 180 points");
        assertThat(spending.balance(a.getId())).isEqualTo(1000);
        assertThat(contractsOf(a)).isOne();
        // placing what was really previewed goes through
        assertThat(orders.place(user, request, "price-2", seen).order().totalPoints()).isEqualTo(180);
        LedgerInvariants.assertHold(jdbc, a.getId());
    }

    @Test
    void coTermLeavesCoveredLinesOutAndRefusesOnlyWhenNoneIsLeft() {
        clock.setBusinessDate(T);
        Account a = fx.customer("Co-term left out");
        PortalUser user = fx.principal(fx.user(a, Permission.READ_WRITE));
        fx.points(a, "FC-10-FPNTS-5K");
        String early = fx.unit(a, "FGT60F", "Store 3", 40, "FC247");
        String late = fx.unit(a, "FGT60F", "Store 4", 200, "FC247");
        var both = new OrderRequest(a.getId(), null, OrderType.COTERM, null, List.of(
                new OrderRequest.Line(early, "FC247", null, null), new OrderRequest.Line(late, "FC247", null, null)), null);
        Quote q = orders.preview(user, both);
        assertThat(q.targetEndDate()).isEqualTo(T.plusDays(200));
        assertThat(q.omittedLines()).isOne();
        assertThat(q.placeable()).isTrue();
        var placed = orders.place(user, both, "co-1");
        assertThat(placed.order().lines()).singleElement().satisfies(l -> assertThat(l.serialNumber()).isEqualTo(early));
        assertThat(placed.order().lines().get(0).lineNo()).isEqualTo(1);

        var onlyCovered = new OrderRequest(a.getId(), null, OrderType.COTERM, T.plusDays(100),
                List.of(new OrderRequest.Line(late, "FC247", null, null)), null);
        long before = spending.balance(a.getId());
        assertThatThrownBy(() -> orders.place(user, onlyCovered, "co-2"))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("nothing to buy");
        assertThat(spending.balance(a.getId())).isEqualTo(before);
        LedgerInvariants.assertHold(jdbc, a.getId());
    }
}
