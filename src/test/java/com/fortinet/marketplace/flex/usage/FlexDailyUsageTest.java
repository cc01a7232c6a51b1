package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexLedger;
import com.fortinet.marketplace.flex.FlexLedgerInvariants;
import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexProgramService;
import com.fortinet.marketplace.flex.FlexProgramType;
import com.fortinet.marketplace.flex.FlexTransferService;
import com.fortinet.marketplace.flex.configs.FlexConfig;
import com.fortinet.marketplace.flex.entitlements.AssetFixtures;
import com.fortinet.marketplace.flex.entitlements.AssetFixtures.Customer;
import com.fortinet.marketplace.flex.entitlements.Entitlement;
import com.fortinet.marketplace.flex.entitlements.EntitlementService;
import com.fortinet.marketplace.flex.entitlements.Termination;
import com.fortinet.marketplace.flex.entitlements.TokenActivation;
import com.fortinet.marketplace.flex.configs.ConfigService;
import com.fortinet.marketplace.points.PackService;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.time.BusinessClock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily usage job on the real database (DESIGN §4.4): each finished business day of a program written once, per
 * entitlement and as one USAGE ledger row, missed days caught up, concurrent runs writing once, and today's usage
 * computed on request by the same rule. Each test has its own account and program; history is written at past
 * instants (the services' {@code …At} methods), as it would have happened.
 */
@PortalTest
class FlexDailyUsageTest {

    static final FlexPoints VM2_ENT = FlexPoints.parse("6.39");
    static final FlexPoints VM4_ENT = FlexPoints.parse("12.91");

    @Autowired AssetFixtures fixtures;
    @Autowired FlexProgramService programs;
    @Autowired ConfigService configs;
    @Autowired EntitlementService entitlements;
    @Autowired TokenActivation activation;
    @Autowired FlexTransferService transfers;
    @Autowired PackService packs;
    @Autowired FlexLedger ledger;
    @Autowired DailyUsageWriter writer;
    @Autowired FlexUsageJob job;
    @Autowired FlexUsageService usage;
    @Autowired BusinessClock clock;
    @Autowired JdbcTemplate jdbc;

    @Test
    void runsAfterMidnightPacificOnOneInstanceBeforeTheRollOver() throws Exception {
        var daily = FlexUsageJob.class.getMethod("daily");
        Scheduled scheduled = daily.getAnnotation(Scheduled.class);
        assertThat(scheduled.cron()).isEqualTo("0 10 0 * * *"); // roll-over runs at 00:20 and must see the closed day
        assertThat(scheduled.zone()).isEqualTo("America/Los_Angeles");
        assertThat(daily.getAnnotation(SchedulerLock.class).name()).isEqualTo("flex-daily-usage");
    }

    /**
     * A VM on 2 CPUs from day 0, moved to 4 CPUs on day 1, stopped on day 2, stopped all of day 3, reactivated on day 4:
     * 6.39, 12.91, 12.91 (the day of stopping is charged), nothing, 12.91 (the day of reactivation is charged).
     */
    @Test
    void writesEachFinishedDayOnceAndCatchesUpMissedDays() {
        Scenario s = scenario(FlexProgramType.PREPAID);

        var first = writer.catchUp(s.program.id(), s.day(2));
        assertThat(first.days()).as("days 0 and 1 are finished on day 2").isEqualTo(2);
        assertThat(dayTotals(s)).containsExactly(Map.entry(s.day(0), VM2_ENT), Map.entry(s.day(1), VM4_ENT));
        assertThat(writer.catchUp(s.program.id(), s.day(2))).as("the same run again writes nothing")
                .isEqualTo(new DailyUsageWriter.Written(s.program.id(), 0, 0, 0, null));
        assertThat(ledgerUsage(s)).hasSize(2);

        // The job missed days 2, 3 and 4: the next run writes all three, oldest first.
        var caughtUp = writer.catchUp(s.program.id(), s.day(5));
        assertThat(caughtUp.days()).isEqualTo(3);
        assertThat(caughtUp.usageRows()).as("no row for the day stopped throughout").isEqualTo(2);
        assertThat(caughtUp.ledgerRows()).isEqualTo(2);
        assertThat(dayTotals(s)).containsExactly(Map.entry(s.day(0), VM2_ENT), Map.entry(s.day(1), VM4_ENT),
                Map.entry(s.day(2), VM4_ENT), Map.entry(s.day(3), FlexPoints.ZERO), Map.entry(s.day(4), VM4_ENT));
        assertThat(jdbc.queryForList("select config_id from flex_usage where entitlement_id = ? order by day", Long.class,
                s.vm.id())).as("configuration charged each day").containsExactly(s.small.id(), s.large.id(), s.large.id(),
                s.large.id());
        assertThat(ledgerUsage(s)).containsExactly(VM2_ENT.negate(), VM4_ENT.negate(), VM4_ENT.negate(), VM4_ENT.negate());
        assertThat(ledger.balance(s.program.id())).isEqualTo(FlexPoints.of(1000).minus(VM2_ENT).minus(VM4_ENT.times(3)));
        assertThat(writer.catchUp(s.program.id(), s.day(5)).days()).isZero();
        FlexLedgerInvariants.assertHold(jdbc, s.program.id());

        // What the API and pages read: written days as they were written, today provisional.
        List<UsageRow> rows = usage.usage(s.customer.accountId(), s.day(0), s.day(4));
        assertThat(rows).extracting(UsageRow::provisional).containsOnly(false);
        assertThat(FlexUsageService.total(rows)).isEqualTo(VM2_ENT.plus(VM4_ENT.times(3)));
    }

    @Test
    void theScheduledRunCatchesUpEveryProgramToYesterday() {
        Scenario s = scenario(FlexProgramType.PREPAID);
        LocalDate today = clock.today();
        job.daily();
        assertThat(lastDay(s)).isEqualTo(today.minusDays(1));
        // From day 4 on the VM runs on 4 CPUs every day.
        assertThat(dayTotals(s)).hasSize((int) (today.toEpochDay() - s.start.toEpochDay()))
                .containsEntry(today.minusDays(1), VM4_ENT);
        assertThat(job.runFor(today).days()).as("a second run finds nothing left").isZero();
        FlexLedgerInvariants.assertHold(jdbc, s.program.id());
    }

    /** Two instances (threads here, each its own transaction) catch up the same program at once: written once. */
    @Test
    void twoRunsAtOnceWriteEachDayOnce() throws Exception {
        Scenario s = scenario(FlexProgramType.PREPAID);
        LocalDate today = clock.today();
        int expectedDays = (int) (today.toEpochDay() - s.start.toEpochDay());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Integer>> runs = new ArrayList<>();
            runs.add(() -> {
                go.await();
                return writer.catchUp(s.program.id(), today).days();
            });
            runs.add(() -> {
                go.await();
                return writer.catchUp(s.program.id(), today).days();
            });
            runs.add(() -> {
                go.await();
                job.runFor(today);
                return 0;
            });
            List<Future<Integer>> results = new ArrayList<>();
            for (Callable<Integer> r : runs) {
                results.add(pool.submit(r));
            }
            go.countDown();
            for (Future<Integer> f : results) {
                f.get(); // no run failed
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from flex_usage_days where program_id = ?", Integer.class,
                s.program.id())).isEqualTo(expectedDays);
        assertThat(jdbc.queryForObject("select count(*) from flex_usage where program_id = ?", Integer.class,
                s.program.id())).as("the VM ran every day but day 3").isEqualTo(expectedDays - 1);
        assertThat(ledgerUsage(s)).hasSize(expectedDays - 1);
        FlexLedgerInvariants.assertHold(jdbc, s.program.id());
    }

    /** Prepaid overage: usage takes the balance below zero; the ledger stays exact. Postpaid: no ledger at all. */
    @Test
    void usageMayTakeThePrepaidBalanceBelowZeroAndPostpaidHasNoLedger() {
        Scenario prepaid = scenario(FlexProgramType.PREPAID, 10);
        writer.catchUp(prepaid.program.id(), prepaid.day(5));
        assertThat(ledger.balance(prepaid.program.id())).isEqualTo(FlexPoints.of(10).minus(VM2_ENT.plus(VM4_ENT.times(3))));
        FlexLedgerInvariants.assertHold(jdbc, prepaid.program.id());

        Scenario postpaid = scenario(FlexProgramType.POSTPAID, 0);
        var w = writer.catchUp(postpaid.program.id(), postpaid.day(5));
        assertThat(w.usageRows()).isEqualTo(4);
        assertThat(w.ledgerRows()).isZero();
        assertThat(dayTotals(postpaid)).containsEntry(postpaid.day(1), VM4_ENT);
        FlexLedgerInvariants.assertHold(jdbc, postpaid.program.id());
    }

    /** Today is computed on request by the same rule: moving to a larger configuration raises it at once. */
    @Test
    void todaySoFarIsProvisionalAndRisesWithALargerConfiguration() {
        Customer c = fixtures.withProgram();
        FlexConfig small = fixtures.fortiGateVm(c, 2, "ENT");
        FlexConfig large = fixtures.fortiGateVm(c, 4, "ENT");
        Entitlement vm = fixtures.active(c, small);
        List<UsageRow> today = usage.today(c.accountId());
        assertThat(today).singleElement().satisfies(r -> {
            assertThat(r.serialNumber()).isEqualTo(vm.serialNumber());
            assertThat(r.points()).isEqualTo(VM2_ENT);
            assertThat(r.configId()).isEqualTo(small.id());
            assertThat(r.provisional()).isTrue();
        });
        entitlements.update(c.accountId(), vm.serialNumber(), new EntitlementService.Changes(null, large.id(), null), c.actor());
        assertThat(usage.today(c.accountId())).singleElement().satisfies(r -> {
            assertThat(r.points()).isEqualTo(VM4_ENT);
            assertThat(r.configId()).isEqualTo(large.id());
        });
        assertThat(usage.pointsBySerial(c.accountId(), clock.today(), clock.today()))
                .containsExactly(Map.entry(vm.serialNumber(), VM4_ENT));
        // Nothing ran before today: days before it cost nothing, written or not.
        assertThat(usage.programPoints(c.accountId(), clock.today().minusDays(5), clock.today())).isEqualTo(VM4_ENT);
    }

    // ---- the scenario ----

    record Scenario(Customer customer, FlexProgram program, LocalDate start, FlexConfig small, FlexConfig large,
                    Entitlement vm) {
        LocalDate day(int n) {
            return start.plusDays(n);
        }
    }

    private Scenario scenario(FlexProgramType type) {
        return scenario(type, 1000);
    }

    /** A program that started ten days ago, {@code points} transferred to it (prepaid), and the VM's history. */
    private Scenario scenario(FlexProgramType type, long points) {
        Customer c = fixtures.customer(com.fortinet.marketplace.accounts.Permission.READ_WRITE);
        LocalDate start = clock.today().minusDays(10);
        FlexProgram program = programs.create(c.accountId(), type, null, start, start.plusYears(1), null);
        if (points > 0) {
            packs.addPack(c.accountId(), "FC-10-FPNTS-1K", start, PackService.Source.IMPORT, null, null);
            transfers.transfer(c.accountId(), points, "usage-test", c.userId(), c.email());
        } else if (type == FlexProgramType.PREPAID) {
            throw new IllegalArgumentException("a prepaid program with no points starts no entitlement");
        }
        FlexConfig small = configs.createAt(c.accountId(), "VM 2 ENT", 1, Map.of(1, List.of("2"), 2, List.of("ENT")),
                c.actor(), at(start, 0, 8));
        FlexConfig large = configs.createAt(c.accountId(), "VM 4 ENT", 1, Map.of(1, List.of("4"), 2, List.of("ENT")),
                c.actor(), at(start, 0, 8));
        Entitlement vm = entitlements.createAt(c.accountId(), new EntitlementService.NewEntitlements(small.id(), 1L, null,
                "usage test", null), c.actor(), at(start, 0, 9)).get(0);
        activation.activateAt(vm.token(), "192.0.2.7", at(start, 0, 10));
        entitlements.updateAt(c.accountId(), vm.serialNumber(), new EntitlementService.Changes(null, large.id(), null),
                c.actor(), at(start, 1, 15));
        entitlements.stopAt(c.accountId(), List.of(vm.serialNumber()), c.actor(), at(start, 2, 11));
        entitlements.reactivateAt(c.accountId(), List.of(vm.serialNumber()), Termination.FOLLOW_PROGRAM, c.actor(),
                at(start, 4, 9));
        return new Scenario(c, program, start, small, large, vm);
    }

    private static Instant at(LocalDate start, int day, int hour) {
        return start.plusDays(day).atTime(LocalTime.of(hour, 0)).atZone(BusinessClock.ZONE).toInstant();
    }

    private Map<LocalDate, FlexPoints> dayTotals(Scenario s) {
        Map<LocalDate, FlexPoints> out = new java.util.LinkedHashMap<>();
        jdbc.query("select day, points from flex_usage_days where program_id = ? order by day",
                rs -> {
                    out.put(rs.getObject(1, LocalDate.class), FlexPoints.of(rs.getBigDecimal(2)));
                }, s.program.id());
        return out;
    }

    private LocalDate lastDay(Scenario s) {
        return jdbc.queryForObject("select max(day) from flex_usage_days where program_id = ?", LocalDate.class,
                s.program.id());
    }

    private List<FlexPoints> ledgerUsage(Scenario s) {
        return jdbc.query("select points from flex_ledger where program_id = ? and kind = 'USAGE' order by effective_date, id",
                (rs, i) -> FlexPoints.of(rs.getBigDecimal(1)), s.program.id());
    }
}
