package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.points.Allocation;
import com.fortinet.marketplace.points.InsufficientPointsException;
import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.points.PointPack;
import com.fortinet.marketplace.points.SpendingService;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.ConflictException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

@PortalTest
class FlexTransferServiceTest {

    static final LocalDate TODAY = LocalDate.parse("2026-06-10");

    @Autowired FlexFixtures fixtures;
    @Autowired FlexTransferService transfers;
    @Autowired FlexProgramService programs;
    @Autowired FlexLedger flexLedger;
    @Autowired SpendingService spending;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @BeforeEach
    void pinDate() {
        clock.setBusinessDate(TODAY);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void prepaidTransferMovesExactlyThePointsFromTheEarliestExpiringPack() {
        var c = fixtures.customer();
        PointPack later = fixtures.pack(c.accountId(), "FC-10-FPNTS-5K", TODAY.minusDays(10));
        PointPack sooner = fixtures.pack(c.accountId(), "FC-10-FPNTS-1K", TODAY.minusYears(2));
        FlexProgram program = fixtures.program(c.accountId(), FlexProgramType.PREPAID, TODAY.minusMonths(2), TODAY.plusYears(3));

        var preview = transfers.preview(c.accountId(), 1500);
        assertThat(preview.allocations()).extracting(Allocation::packId, Allocation::points)
                .containsExactly(tuple(sooner.id(), 1000L), tuple(later.id(), 500L));
        assertThat(preview.fortiPointsAfter()).isEqualTo(4500);
        assertThat(preview.flexAfter()).isEqualTo(FlexPoints.of(1500));
        assertThat(preview.sufficient()).isTrue();

        var result = transfers.transfer(c.accountId(), 1500, "k-" + UUID.randomUUID(), c.userId(), c.email());

        FlexTransfer t = result.transfer();
        assertThat(result.replayed()).isFalse();
        assertThat(t.fortiPointsSpent()).isEqualTo(1500);
        assertThat(t.flexPointsAcquired()).isEqualTo(FlexPoints.of(1500));
        assertThat(t.rate()).isEqualTo(FlexPoints.of(1));
        assertThat(t.programSerialNumber()).isEqualTo(program.serialNumber()).startsWith("ELAVMR");
        assertThat(t.anniversaryDate()).isEqualTo(program.startDate().plusYears(1));
        assertThat(result.allocations()).extracting(Allocation::packId, Allocation::points)
                .containsExactly(tuple(sooner.id(), 1000L), tuple(later.id(), 500L));
        assertThat(spending.balance(c.accountId())).isEqualTo(4500);
        assertThat(flexLedger.balance(program.id())).isEqualTo(FlexPoints.of(1500));

        // Both ledgers agree: the FortiPoints debit the transfer points at is a FLEX_TRANSFER of exactly the points,
        // and the FortiFlex credit of the transfer is exactly the points acquired.
        var debit = jdbc.queryForMap("select kind, points, account_id from points_ledger where id = ?", t.pointsLedgerEntryId());
        assertThat(debit.get("kind")).isEqualTo("FLEX_TRANSFER");
        assertThat(((Number) debit.get("points")).longValue()).isEqualTo(-1500);
        assertThat(((Number) debit.get("account_id")).longValue()).isEqualTo(c.accountId());
        var credit = jdbc.queryForMap("select kind, points, balance_after from flex_ledger where transfer_id = ?", t.id());
        assertThat(credit.get("kind")).isEqualTo("TRANSFER_IN");
        assertThat((java.math.BigDecimal) credit.get("points")).isEqualTo(new java.math.BigDecimal("1500.00"));
        Long flexTransfers = jdbc.queryForObject("select count(*) from points_ledger where account_id = ? and kind = 'FLEX_TRANSFER'",
                Long.class, c.accountId());
        assertThat(flexTransfers).isEqualTo(1);
        LedgerInvariants.assertHold(jdbc, c.accountId());
        FlexLedgerInvariants.assertHold(jdbc, program.id());
    }

    @Test
    void postpaidRefusalLeavesBothBalancesUnchanged() {
        var c = fixtures.customer();
        fixtures.pack(c.accountId(), "FC-10-FPNTS-5K", TODAY.minusDays(10));
        FlexProgram program = fixtures.program(c.accountId(), FlexProgramType.POSTPAID, TODAY.minusYears(1), TODAY.plusYears(2));
        assertThat(program.serialNumber()).startsWith("ELAVMS");

        assertThatThrownBy(() -> transfers.transfer(c.accountId(), 1000, "k-" + UUID.randomUUID(), c.userId(), c.email()))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("FortiPoints can only be transferred to a FortiFlex prepaid (Enterprise) program; "
                        + "postpaid MSSP programs are billed monthly.");
        assertThatThrownBy(() -> transfers.preview(c.accountId(), 1000)).isInstanceOf(BusinessRuleException.class);

        assertThat(spending.balance(c.accountId())).isEqualTo(5000);
        assertThat(flexLedger.balance(program.id())).isEqualTo(FlexPoints.ZERO);
        assertThat(jdbc.queryForObject("select count(*) from points_ledger where account_id = ? and kind = 'FLEX_TRANSFER'",
                Long.class, c.accountId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from flex_transfers where account_id = ?", Long.class, c.accountId())).isZero();
        LedgerInvariants.assertHold(jdbc, c.accountId());
    }

    @Test
    void noProgramAndEndedProgramAreRefusedWithNothingDebited() {
        var none = fixtures.customer();
        fixtures.pack(none.accountId(), "FC-10-FPNTS-1K", TODAY.minusDays(1));
        assertThatThrownBy(() -> transfers.transfer(none.accountId(), 10, "k-1", none.userId(), none.email()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("no FortiFlex program");

        var ended = fixtures.customer();
        fixtures.pack(ended.accountId(), "FC-10-FPNTS-1K", TODAY.minusDays(1));
        fixtures.program(ended.accountId(), FlexProgramType.PREPAID, TODAY.minusYears(3), TODAY);
        assertThatThrownBy(() -> transfers.transfer(ended.accountId(), 10, "k-1", ended.userId(), ended.email()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("ended on " + TODAY);

        assertThat(spending.balance(none.accountId())).isEqualTo(1000);
        assertThat(spending.balance(ended.accountId())).isEqualTo(1000);
    }

    @Test
    void insufficientPointsChangeNothing() {
        var c = fixtures.customer();
        fixtures.pack(c.accountId(), "FC-10-FPNTS-1K", TODAY.minusDays(1));
        FlexProgram program = fixtures.program(c.accountId(), FlexProgramType.PREPAID, TODAY.minusDays(5), TODAY.plusYears(1));

        var preview = transfers.preview(c.accountId(), 1200);
        assertThat(preview.sufficient()).isFalse();
        assertThat(preview.shortfall()).isEqualTo(200);
        assertThatThrownBy(() -> transfers.transfer(c.accountId(), 1200, "k-1", c.userId(), c.email()))
                .isInstanceOf(InsufficientPointsException.class);
        assertThat(spending.balance(c.accountId())).isEqualTo(1000);
        assertThat(flexLedger.balance(program.id())).isEqualTo(FlexPoints.ZERO);
        assertThat(jdbc.queryForObject("select count(*) from flex_transfers where account_id = ?", Long.class, c.accountId())).isZero();
    }

    @Test
    void replayWithTheSameKeyChargesOnce() {
        var c = fixtures.customer();
        fixtures.pack(c.accountId(), "FC-10-FPNTS-5K", TODAY.minusDays(10));
        FlexProgram program = fixtures.program(c.accountId(), FlexProgramType.PREPAID, TODAY.minusMonths(1), TODAY.plusYears(1));
        String key = "k-" + UUID.randomUUID();

        var first = transfers.transfer(c.accountId(), 700, key, c.userId(), c.email());
        var again = transfers.transfer(c.accountId(), 700, key, c.userId(), c.email());

        assertThat(again.replayed()).isTrue();
        assertThat(again.transfer().id()).isEqualTo(first.transfer().id());
        assertThat(spending.balance(c.accountId())).isEqualTo(4300);
        assertThat(flexLedger.balance(program.id())).isEqualTo(FlexPoints.of(700));
        assertThat(jdbc.queryForObject("select count(*) from flex_transfers where account_id = ?", Long.class, c.accountId())).isEqualTo(1);
        LedgerInvariants.assertHold(jdbc, c.accountId());
    }

    @Test
    void concurrentTransfersNeverOverdraw() throws Exception {
        var c = fixtures.customer();
        fixtures.pack(c.accountId(), "FC-10-FPNTS-1K", TODAY.minusDays(3));
        FlexProgram program = fixtures.program(c.accountId(), FlexProgramType.PREPAID, TODAY.minusMonths(1), TODAY.plusYears(1));
        int threads = 6;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String key = "concurrent-" + i;
            outcomes.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                    transfers.transfer(c.accountId(), 300, key, c.userId(), c.email());
                    return true;
                } catch (InsufficientPointsException e) {
                    return false;
                }
            }));
        }
        int succeeded = 0;
        for (Future<Boolean> f : outcomes) {
            if (f.get(120, TimeUnit.SECONDS)) {
                succeeded++;
            }
        }
        pool.shutdown();

        assertThat(succeeded).isEqualTo(3);
        assertThat(spending.balance(c.accountId())).isEqualTo(100);
        assertThat(flexLedger.balance(program.id())).isEqualTo(FlexPoints.of(900));
        LedgerInvariants.assertHold(jdbc, c.accountId());
        FlexLedgerInvariants.assertHold(jdbc, program.id());
    }

    @Test
    void aSecondProgramForTheSameAccountIsRefusedWithTheReason() {
        var c = fixtures.customer();
        FlexProgram first = fixtures.program(c.accountId(), FlexProgramType.PREPAID, TODAY, TODAY.plusYears(1));
        assertThatThrownBy(() -> fixtures.program(c.accountId(), FlexProgramType.POSTPAID, TODAY, TODAY.plusYears(1)))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("already holds FortiFlex program " + first.serialNumber())
                .hasMessageContaining("at most one FortiFlex program");
    }
}
