package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The roll-over job on the real database: amounts, ledger rows, idempotency, catching up. */
@PortalTest
class FlexRollOverTest {

    static final LocalDate START = LocalDate.parse("2025-03-10");

    @Autowired FlexFixtures fixtures;
    @Autowired FlexTransferService transfers;
    @Autowired FlexUsage usage;
    @Autowired FlexLedger ledger;
    @Autowired FlexRollOverJob job;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired FlexPackRegistration packs;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Day n of the first program year (day 1 = START). */
    static LocalDate day(int n) {
        return START.plusDays(n - 1);
    }

    @Test
    void anniversaryHalvesEarlyPointsKeepsLateOnesAndForfeitsTheRestOnce() {
        var c = fixtures.customer();
        fixtures.pack(c.accountId(), "FC-10-FPNTS-10K", START);
        FlexProgram program = fixtures.program(c.accountId(), FlexProgramType.PREPAID, START, START.plusYears(3));

        clock.setBusinessDate(day(10));
        transfers.transfer(c.accountId(), 1001, "t1", c.userId(), c.email());
        clock.setBusinessDate(day(179));
        transfers.transfer(c.accountId(), 1000, "t2", c.userId(), c.email());
        clock.setBusinessDate(day(180));
        transfers.transfer(c.accountId(), 2000, "t3", c.userId(), c.email());
        clock.setBusinessDate(day(200));
        usage.record(c.accountId(), FlexPoints.parse("600.01"), "test usage");   // takes the day-10 points first
        assertThat(ledger.balance(program.id())).isEqualTo(FlexPoints.parse("3400.99"));

        LocalDate anniversary = START.plusYears(1);
        clock.setBusinessDate(anniversary.minusDays(1));
        assertThat(job.rollOver(program.id(), anniversary.minusDays(1))).isEmpty();

        clock.setBusinessDate(anniversary);
        var done = job.rollOver(program.id(), anniversary);
        assertThat(done).hasSize(1);
        // before day 180 unused: 400.99 (day 10) + 1000 (day 179) = 1400.99 → 700.49 roll over (half, rounded down to
        // the hundredth), 700.50 forfeited; day 180: 2000 in full
        assertThat(done.get(0).result().unusedAddedBeforeDay180()).isEqualTo(FlexPoints.parse("1400.99"));
        assertThat(done.get(0).result().rolledOver()).isEqualTo(FlexPoints.parse("2700.49"));
        assertThat(done.get(0).result().forfeited()).isEqualTo(FlexPoints.parse("700.50"));
        assertThat(ledger.balance(program.id())).isEqualTo(FlexPoints.parse("2700.49"));

        // running again the same day (or on another instance) rolls over once
        assertThat(job.rollOver(program.id(), anniversary)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from flex_ledger where program_id = ? and kind = 'FORFEIT'",
                Long.class, program.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from flex_ledger where program_id = ? and kind = 'ROLL_OVER'",
                Long.class, program.id())).isEqualTo(1);
        var forfeit = jdbc.queryForMap("select points, balance_after, effective_date from flex_ledger where program_id = ? and kind = 'FORFEIT'", program.id());
        assertThat(forfeit.get("points")).isEqualTo(new BigDecimal("-700.50"));
        assertThat(forfeit.get("balance_after")).isEqualTo(new BigDecimal("2700.49"));
        FlexLedgerInvariants.assertHold(jdbc, program.id());

        // Second year: the 2,700.49 carried over count as added on day 1; nothing used → half of it rolls again,
        // rounded down to the hundredth.
        LocalDate second = START.plusYears(2);
        clock.setBusinessDate(second.plusDays(3));
        var later = job.rollOver(program.id(), second.plusDays(3));
        assertThat(later).hasSize(1);
        assertThat(later.get(0).anniversary()).isEqualTo(second);
        assertThat(ledger.balance(program.id())).isEqualTo(FlexPoints.parse("1350.24"));
        FlexLedgerInvariants.assertHold(jdbc, program.id());
    }

    /** FortiFlex points packs count for roll-over like transfers: by the day they were registered. */
    @Test
    void packsRollOverLikeTransfers() {
        var c = fixtures.customer();
        fixtures.pack(c.accountId(), "FC-10-FPNTS-1K", START);
        FlexProgram program = fixtures.program(c.accountId(), FlexProgramType.PREPAID, START, START.plusYears(3));

        clock.setBusinessDate(day(30));
        packs.registerWithoutChecks(c.accountId(), fixtures.code("LIC-ELAVM-10K"), c.userId());
        transfers.transfer(c.accountId(), 1, "early", c.userId(), c.email());
        clock.setBusinessDate(day(180));
        packs.registerWithoutChecks(c.accountId(), fixtures.code("LIC-ELAVM-10K"), c.userId());
        clock.setBusinessDate(day(200));
        usage.record(c.accountId(), FlexPoints.parse("2000.07"), "test usage"); // from the day-30 pack first

        LocalDate anniversary = START.plusYears(1);
        clock.setBusinessDate(anniversary);
        var done = job.rollOver(program.id(), anniversary);
        // before day 180: 10,000 − 2,000.07 + 1 = 8,000.93 → 4,000.46 roll over; day 180: 10,000 in full
        assertThat(done).singleElement().satisfies(d -> {
            assertThat(d.result().unusedAddedBeforeDay180()).isEqualTo(FlexPoints.parse("8000.93"));
            assertThat(d.result().unusedAddedFromDay180()).isEqualTo(FlexPoints.of(10_000));
            assertThat(d.result().rolledOver()).isEqualTo(FlexPoints.parse("14000.46"));
            assertThat(d.result().forfeited()).isEqualTo(FlexPoints.parse("4000.47"));
        });
        assertThat(ledger.balance(program.id())).isEqualTo(FlexPoints.parse("14000.46"));
        FlexLedgerInvariants.assertHold(jdbc, program.id());
    }

    @Test
    void aTransferAfterAMissedAnniversaryClosesTheOldYearFirst() {
        var c = fixtures.customer();
        fixtures.pack(c.accountId(), "FC-10-FPNTS-5K", START);
        FlexProgram program = fixtures.program(c.accountId(), FlexProgramType.PREPAID, START, START.plusYears(3));
        clock.setBusinessDate(day(20));
        transfers.transfer(c.accountId(), 1000, "a", c.userId(), c.email());

        // No job ran on the anniversary; the next transfer (day 5 of year two) rolls year one over before crediting.
        clock.setBusinessDate(START.plusYears(1).plusDays(4));
        transfers.transfer(c.accountId(), 300, "b", c.userId(), c.email());

        assertThat(ledger.balance(program.id())).isEqualTo(FlexPoints.of(500 + 300));
        FlexLedgerInvariants.assertHold(jdbc, program.id());
        var kinds = ledger.all(program.id()).stream().map(e -> e.kind().name()).toList();
        assertThat(kinds).containsExactly("TRANSFER_IN", "FORFEIT", "ROLL_OVER", "TRANSFER_IN");
    }

    @Test
    void postpaidProgramsNeverRollOver() {
        var c = fixtures.customer();
        FlexProgram program = fixtures.program(c.accountId(), FlexProgramType.POSTPAID, START, START.plusYears(3));
        clock.setBusinessDate(START.plusYears(2));
        assertThat(job.rollOver(program.id(), START.plusYears(2))).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from flex_rollovers where program_id = ?", Long.class, program.id())).isZero();
    }

    @Test
    void leapDayProgramRollsOverOn28FebruaryInCommonYears() {
        var c = fixtures.customer();
        LocalDate start = LocalDate.parse("2024-02-29");
        fixtures.pack(c.accountId(), "FC-10-FPNTS-1K", start);
        FlexProgram program = fixtures.program(c.accountId(), FlexProgramType.PREPAID, start, start.plusYears(3));
        clock.setBusinessDate(LocalDate.parse("2024-08-26")); // day 180
        transfers.transfer(c.accountId(), 100, "leap", c.userId(), c.email());

        clock.setBusinessDate(LocalDate.parse("2025-02-27"));
        assertThat(job.rollOver(program.id(), LocalDate.parse("2025-02-27"))).isEmpty();
        clock.setBusinessDate(LocalDate.parse("2025-02-28"));
        var done = job.rollOver(program.id(), LocalDate.parse("2025-02-28"));
        assertThat(done).singleElement().satisfies(d -> {
            assertThat(d.anniversary()).isEqualTo(LocalDate.parse("2025-02-28"));
            assertThat(d.result().rolledOver()).isEqualTo(FlexPoints.of(100));
        });
    }
}
