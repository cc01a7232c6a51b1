package com.fortinet.marketplace.points;

import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.fortinet.marketplace.points.PackService.Source.IMPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PortalTest
class SpendingServiceTest {

    static final LocalDate TODAY = LocalDate.parse("2026-06-10");

    @Autowired SpendingService spending;
    @Autowired PackService packs;
    @Autowired PackExpiryJob expiryJob;
    @Autowired PointsLedger ledger;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired TestClock clock;
    @Autowired com.fortinet.marketplace.time.BusinessClock businessClock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long newAccount() {
        return accounts.create("Points test " + UUID.randomUUID(), AccountType.CUSTOMER, Region.AMER).getId();
    }

    SpendResult spend(long accountId, long points, String key) {
        return tx.execute(s -> spending.spend(new SpendRequest(accountId, points, LedgerKind.ORDER_CHARGED, "FMP-TEST", key)));
    }

    @Test
    void spendTakesFromThePackExpiringFirstAndRecordsWhichPacksPaid() {
        clock.setBusinessDate(TODAY);
        long account = newAccount();
        PointPack later = packs.addPack(account, "FC-10-FPNTS-5K", TODAY.minusDays(10), IMPORT, null, null);
        PointPack sooner = packs.addPack(account, "FC-10-FPNTS-1K", TODAY.minusYears(2), IMPORT, null, null);
        assertThat(spending.balance(account)).isEqualTo(6000);
        assertThat(spending.previewAllocation(account, 1500)).extracting(Allocation::packId, Allocation::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(sooner.id(), 1000L), org.assertj.core.groups.Tuple.tuple(later.id(), 500L));

        SpendResult r = spend(account, 1500, "k1");

        assertThat(r.balanceBefore()).isEqualTo(6000);
        assertThat(r.balanceAfter()).isEqualTo(4500);
        assertThat(r.allocations()).containsExactly(
                new Allocation(sooner.id(), "FC-10-FPNTS-1K", 1000, sooner.expiresAt()),
                new Allocation(later.id(), "FC-10-FPNTS-5K", 500, later.expiresAt()));
        assertThat(spending.balance(account)).isEqualTo(4500);
        assertThat(ledger.pack(sooner.id()).orElseThrow().remaining()).isZero();
        assertThat(ledger.pack(later.id()).orElseThrow().remaining()).isEqualTo(4500);
        LedgerEntry entry = ledger.entry(r.ledgerEntryId()).orElseThrow();
        assertThat(entry.points()).isEqualTo(-1500);
        assertThat(entry.balanceAfter()).isEqualTo(4500);
        assertThat(entry.reference()).isEqualTo("FMP-TEST");
        LedgerInvariants.assertHold(jdbc, account);
    }

    @Test
    void insufficientPointsChargeNothingAndTellTheShortfall() {
        long account = newAccount();
        packs.addPack(account, "FC-10-FPNTS-1K", businessClock.today().minusDays(1), IMPORT, null, null);
        int rowsBefore = ledgerRows(account);

        assertThatThrownBy(() -> spend(account, 1200, "too-much"))
                .isInstanceOfSatisfying(InsufficientPointsException.class, e -> {
                    assertThat(e.balance()).isEqualTo(1000);
                    assertThat(e.shortfall()).isEqualTo(200);
                });

        assertThat(spending.balance(account)).isEqualTo(1000);
        assertThat(ledgerRows(account)).isEqualTo(rowsBefore);
        LedgerInvariants.assertHold(jdbc, account);
    }

    /** Replays are answered before the spend (idempotency.Idempotency); the ledger's unique key is the last guard. */
    @Test
    void aLedgerKeyChargesOncePerAccount() {
        long account = newAccount();
        packs.addPack(account, "FC-10-FPNTS-1K", businessClock.today().minusDays(1), IMPORT, null, null);

        spend(account, 300, "order-42");
        assertThatThrownBy(() -> spend(account, 300, "order-42")).isInstanceOf(DuplicateKeyException.class);
        assertThat(spend(account, 300, "ORDER-42").points()).as("keys are case-sensitive").isEqualTo(300);
        assertThat(spending.balance(account)).isEqualTo(400);
        // the same key on another account is another request
        long other = newAccount();
        packs.addPack(other, "FC-10-FPNTS-1K", businessClock.today().minusDays(1), IMPORT, null, null);
        assertThat(spend(other, 300, "order-42").balanceAfter()).isEqualTo(700);
        LedgerInvariants.assertHold(jdbc, account);
        LedgerInvariants.assertHold(jdbc, other);
    }

    @Test
    void expiredPointsAreNeverSpendableEvenBeforeTheJobRan() {
        clock.setBusinessDate(TODAY);
        long account = newAccount();
        PointPack old = packs.addPack(account, "FC-10-FPNTS-5K", TODAY.minusYears(3).plusDays(1), IMPORT, null, null);
        packs.addPack(account, "FC-10-FPNTS-1K", TODAY, IMPORT, null, null);
        assertThat(spending.balance(account)).isEqualTo(6000);

        clock.setBusinessDate(old.expiresAt().minusDays(1)); // last day: still spendable
        assertThat(spending.balance(account)).isEqualTo(6000);
        clock.setBusinessDate(old.expiresAt());              // expiry day: gone, job or not
        assertThat(spending.balance(account)).isEqualTo(1000);
        assertThatThrownBy(() -> spend(account, 1001, "x")).isInstanceOf(InsufficientPointsException.class);

        SpendResult r = spend(account, 400, "y");
        assertThat(r.balanceBefore()).isEqualTo(1000);
        assertThat(r.allocations()).extracting(Allocation::sku).containsExactly("FC-10-FPNTS-1K");
        // the spend wrote the expired pack off first, so the ledger balance is the spendable balance
        assertThat(expiredRows(account)).isEqualTo(1);
        LedgerInvariants.assertHold(jdbc, account);
        assertThat(LedgerInvariants.spendableBalance(jdbc, account, old.expiresAt())).isEqualTo(600);
    }

    /** Two packs expired unseen: one locked read writes both off, each row's balance after the one before it. */
    @Test
    void aSpendWritesOffEveryExpiredPackWithRunningBalancesThenPaysFromTheRest() {
        clock.setBusinessDate(TODAY);
        long account = newAccount();
        PointPack first = packs.addPack(account, "FC-10-FPNTS-1K", TODAY.minusYears(3).plusDays(2), IMPORT, null, null);
        PointPack second = packs.addPack(account, "FC-10-FPNTS-5K", TODAY.minusYears(3).plusDays(4), IMPORT, null, null);
        packs.addPack(account, "FC-10-FPNTS-1K", TODAY, IMPORT, null, null);
        spend(account, 300, "before"); // from the first pack, FIFO

        clock.setBusinessDate(second.expiresAt()); // both expired, no job ran
        SpendResult r = spend(account, 250, "after");

        assertThat(r.balanceBefore()).isEqualTo(1000);
        assertThat(r.balanceAfter()).isEqualTo(750);
        assertThat(jdbc.query("select * from points_ledger where account_id = ? and kind = 'PACK_EXPIRED' order by id",
                PointsLedger.ENTRY, account)).extracting(LedgerEntry::packId, LedgerEntry::points, LedgerEntry::balanceAfter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.id(), -700L, 6000L),
                        org.assertj.core.groups.Tuple.tuple(second.id(), -5000L, 1000L));
        LedgerInvariants.assertHold(jdbc, account);
    }

    /** Packs locked for one charge can't pay a second: their remaining points changed with the first. */
    @Test
    void lockedPacksPayOnce() {
        clock.setBusinessDate(TODAY);
        long account = newAccount();
        packs.addPack(account, "FC-10-FPNTS-1K", TODAY, IMPORT, null, null);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            var locked = spending.lockSpendable(account);
            assertThat(locked.balance()).isEqualTo(1000);
            spending.spend(locked, new SpendRequest(account, 100, LedgerKind.ORDER_CHARGED, "FMP-1", "once"));
            spending.spend(locked, new SpendRequest(account, 100, LedgerKind.ORDER_CHARGED, "FMP-2", "twice"));
        })).isInstanceOf(IllegalStateException.class);
        assertThat(spending.balance(account)).isEqualTo(1000); // the whole transaction rolled back
        LedgerInvariants.assertHold(jdbc, account);
    }

    @Test
    void theExpiryJobWritesOffExpiredPacksOnce() {
        clock.setBusinessDate(TODAY);
        long account = newAccount();
        PointPack old = packs.addPack(account, "FC-10-FPNTS-5K", TODAY.minusYears(3).plusDays(5), IMPORT, null, null);
        spend(account, 1200, "before-expiry");
        packs.addPack(account, "FC-10-FPNTS-1K", TODAY, IMPORT, null, null);

        clock.setBusinessDate(old.expiresAt());
        expiryJob.run();
        expiryJob.run();

        assertThat(expiredRows(account)).isEqualTo(1);
        LedgerEntry expired = jdbc.query("select * from points_ledger where account_id = ? and kind = 'PACK_EXPIRED'",
                PointsLedger.ENTRY, account).get(0);
        assertThat(expired.points()).isEqualTo(-3800);
        assertThat(expired.balanceAfter()).isEqualTo(1000);
        assertThat(expired.packId()).isEqualTo(old.id());
        assertThat(spending.balance(account)).isEqualTo(1000);
        LedgerInvariants.assertHold(jdbc, account);
    }

    @Test
    void spendingOutsideATransactionIsAProgrammingError() {
        long account = newAccount();
        assertThatThrownBy(() -> spending.spend(new SpendRequest(account, 1, LedgerKind.ORDER_CHARGED, "x", "k")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void badAmountsAndImportsAreRefused() {
        clock.setBusinessDate(TODAY);
        long account = newAccount();
        assertThatThrownBy(() -> spend(account, 0, "zero")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> packs.addPack(account, "FC-10-FPNTS-1K", TODAY.plusDays(1), IMPORT, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("future");
        // only a migrated registration may be over already; anything else that has expired is refused
        assertThatThrownBy(() -> packs.addPack(account, "FC-10-FPNTS-1K", TODAY.minusYears(3), PackService.Source.DEMO, null, null))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("expired on " + TODAY);
        assertThatThrownBy(() -> packs.addPack(account, "NOPE", TODAY, IMPORT, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Unknown SKU");
        assertThat(ledgerRows(account)).isZero();

        // DESIGN §2: an imported registration whose three years are over is recorded as registered and expired
        PointPack old = packs.addPack(account, "FC-10-FPNTS-1K", TODAY.minusYears(3), IMPORT, null, null);
        assertThat(old.expiresAt()).isEqualTo(TODAY);
        assertThat(old.remaining()).isZero();
        assertThat(jdbc.queryForList("select kind from points_ledger where account_id = ? order by id", String.class, account))
                .containsExactly("PACK_REGISTERED", "PACK_EXPIRED");
        assertThat(spending.balance(account)).isZero();
        LedgerInvariants.assertHold(jdbc, account);
    }

    /** 32 real threads race for one account that can pay for only 9 of them. */
    @Test
    void concurrentSpendsChargeExactlyTheAffordableOnes() throws Exception {
        long account = newAccount();
        packs.addPack(account, "FC-10-FPNTS-5K", businessClock.today().minusDays(30), IMPORT, null, null);
        packs.addPack(account, "FC-10-FPNTS-5K", businessClock.today().minusDays(20), IMPORT, null, null);
        packs.addPack(account, "FC-10-FPNTS-1K", businessClock.today().minusDays(10), IMPORT, null, null);
        // 11,000 − 1,500 = 9,500 points: nine spends of 1,000 fit, the rest must be refused
        spend(account, 1500, "setup");

        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String key = "spend-" + i;
            results.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                    return spend(account, 1000, key);
                } catch (InsufficientPointsException e) {
                    return e;
                }
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

        int charged = 0;
        int refused = 0;
        for (Future<Object> f : results) {
            if (f.get() instanceof SpendResult) {
                charged++;
            } else {
                refused++;
            }
        }
        assertThat(charged).isEqualTo(9);
        assertThat(refused).isEqualTo(threads - 9);
        assertThat(spending.balance(account)).isEqualTo(500);
        assertThat(jdbc.queryForObject("select count(*) from points_ledger where account_id = ? and kind = 'ORDER_CHARGED'",
                Integer.class, account)).isEqualTo(10);
        LedgerInvariants.assertHold(jdbc, account);
    }

    int ledgerRows(long account) {
        return jdbc.queryForObject("select count(*) from points_ledger where account_id = ?", Integer.class, account);
    }

    int expiredRows(long account) {
        return jdbc.queryForObject("select count(*) from points_ledger where account_id = ? and kind = 'PACK_EXPIRED'",
                Integer.class, account);
    }
}
