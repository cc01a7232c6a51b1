package com.fortinet.marketplace.flex.usage.bench;

import com.fortinet.marketplace.flex.usage.FlexUsageJob;
import com.fortinet.marketplace.time.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The daily usage job at size (profile {@code flexbench}; printed figures, never a test). For each size in
 * {@code portal.flexbench.sizes} (default 1000,10000) it adds that many prepaid programs, each with a 50,000-point pack,
 * two FortiGate-VM configurations and {@code portal.flexbench.entitlements} (default 20) ACTIVE VMs created and
 * activated yesterday (one in ten moved to the larger configuration at noon), then times {@code FlexUsageJob.runFor}
 * for today: exactly yesterday is due for the new programs (earlier sizes were written by their own run). Prints the
 * time, the rows written and the rate, then a second run (nothing left to write), then exits. Deterministic data with
 * ids assigned here, one multi-row INSERT per table and 50 programs. See README, "Benchmark of the daily usage job".
 */
@Component
@Profile("flexbench")
class DailyUsageBenchmark implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DailyUsageBenchmark.class);
    private static final int CHUNK = 50;
    private static final java.math.BigDecimal FIFTY_THOUSAND = new java.math.BigDecimal("50000.00");
    private static final java.math.BigDecimal VM2 = new java.math.BigDecimal("6.39");
    private static final java.math.BigDecimal VM4 = new java.math.BigDecimal("12.91");

    private final JdbcTemplate jdbc;
    private final FlexUsageJob job;
    private final BusinessClock clock;
    private final ConfigurableApplicationContext context;
    private final List<Integer> sizes;
    private final int perProgram;
    private final boolean exit;

    DailyUsageBenchmark(JdbcTemplate jdbc, FlexUsageJob job, BusinessClock clock, ConfigurableApplicationContext context,
                        @Value("${portal.flexbench.sizes:1000,10000}") List<Integer> sizes,
                        @Value("${portal.flexbench.entitlements:20}") int perProgram,
                        @Value("${portal.flexbench.exit:true}") boolean exit) {
        this.jdbc = jdbc;
        this.job = job;
        this.clock = clock;
        this.context = context;
        this.sizes = sizes;
        this.perProgram = perProgram;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = clock.today();
        // Anything else due (the demo programs) is written first, so each timed run sees only its own programs.
        job.runFor(today);
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "%-9s %-13s %-10s %-9s %-9s %-9s %-12s %s", "programs", "entitl.-days",
                "generate", "job", "usage", "ledger", "rows/s", "2nd run"));
        for (int size : sizes) {
            long g0 = System.nanoTime();
            generate(size, today.minusDays(1));
            long g = System.nanoTime() - g0;
            long t0 = System.nanoTime();
            FlexUsageJob.Run run = job.runFor(today);
            long t = System.nanoTime() - t0;
            long s0 = System.nanoTime();
            FlexUsageJob.Run second = job.runFor(today);
            long s = System.nanoTime() - s0;
            long rows = run.usageRows() + run.ledgerRows() + run.days();
            report.add(String.format(Locale.ROOT, "%-9d %-13d %-10s %-9s %-9d %-9d %-12.0f %s (%d days)", run.programs(),
                    (long) size * perProgram, secs(g), secs(t), run.usageRows(), run.ledgerRows(), rows / (t / 1e9),
                    secs(s), second.days()));
            if (run.failed() > 0) {
                report.add("  " + run.failed() + " programs FAILED");
            }
        }
        String out = "\nFortiFlex daily usage job benchmark (" + perProgram + " entitlements per program, day " + today.minusDays(1)
                + ")\n" + String.join("\n", report) + "\n";
        System.out.println(out);
        log.info(out);
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    private static String secs(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** {@code size} new accounts with a prepaid program that started on {@code day}, credited, configured, running. */
    private void generate(int size, LocalDate day) {
        long admin = jdbc.queryForObject("select min(id) from users", Long.class);
        long account = next("accounts");
        long program = next("flex_programs");
        long config = next("flex_configs");
        long entitlement = next("flex_entitlements");
        long pack = next("flex_packs");
        long serialBase = jdbc.queryForObject("select count(*) from flex_programs", Long.class) + 5_000_000_000L;
        Timestamp configAt = Timestamp.from(at(day, 0, 30));
        Timestamp created = Timestamp.from(at(day, 1, 0));
        Timestamp activated = Timestamp.from(at(day, 1, 5));
        Timestamp moved = Timestamp.from(at(day, 12, 0));
        java.sql.Date end = java.sql.Date.valueOf(day.plusYears(1));
        java.sql.Date start = java.sql.Date.valueOf(day);

        Rows accounts = new Rows("insert into accounts (id, name, type, region) values ");
        Rows programs = new Rows("insert into flex_programs (id, account_id, type, serial_number, start_date, end_date) values ");
        Rows packs = new Rows("insert into flex_packs (id, account_id, program_id, sku, points, registered_on, registered_by) values ");
        Rows ledger = new Rows("insert into flex_ledger (program_id, kind, points, balance_after, effective_date, description, flex_pack_id) values ");
        Rows configs = new Rows("insert into flex_configs (id, account_id, program_id, product_type_id, name, status, parameters, "
                + "points_per_day, version, created_at, updated_at) values ");
        Rows versions = new Rows("insert into flex_config_versions (config_id, version, valid_from, change_kind, name, status, "
                + "parameters, points_per_day, actor) values ");
        Rows entitlements = new Rows("insert into flex_entitlements (id, serial_number, account_id, program_id, config_id, "
                + "product_type_id, hardware, status, start_date, end_date, follows_program, token, token_status, created_at, updated_at) values ");
        Rows events = new Rows("insert into flex_entitlement_events (entitlement_id, kind, at, actor, status_after, "
                + "config_id_after, end_date_after) values ");
        for (int i = 0; i < size; i++) {
            long a = account + i;
            long p = program + i;
            long small = config + 2L * i;
            long large = small + 1;
            accounts.add(a, String.format("Flexbench %d-%06d", program, i), "CUSTOMER", "EMEA");
            programs.add(p, a, "PREPAID", String.format("ELAVMR%010d", serialBase + i), start, end);
            packs.add(pack + i, a, p, "LIC-ELAVM-50K", FIFTY_THOUSAND, start, admin);
            ledger.add(p, "PACK_IN", FIFTY_THOUSAND, FIFTY_THOUSAND, start, "FortiFlex points pack (benchmark)", pack + i);
            configs.add(small, a, p, 1, "VM 2 ENT", "ACTIVE", "1=2;2=ENT", VM2, 1, configAt, configAt);
            configs.add(large, a, p, 1, "VM 4 ENT", "ACTIVE", "1=4;2=ENT", VM4, 1, configAt, configAt);
            versions.add(small, 1, configAt, "CREATED", "VM 2 ENT", "ACTIVE", "1=2;2=ENT", VM2, "benchmark");
            versions.add(large, 1, configAt, "CREATED", "VM 4 ENT", "ACTIVE", "1=4;2=ENT", VM4, "benchmark");
            for (int k = 0; k < perProgram; k++) {
                long e = entitlement + (long) i * perProgram + k;
                boolean move = k % 10 == 0;
                entitlements.add(e, "FGVMBN" + e, a, p, move ? large : small, 1, false, "ACTIVE", start, end, true,
                        String.format("BENCH%027d", e), "USED", created, move ? moved : activated);
                events.add(e, "CREATED", created, "benchmark", "PENDING", small, end);
                events.add(e, "ACTIVATED", activated, "benchmark", "ACTIVE", small, end);
                if (move) {
                    events.add(e, "CONFIG_CHANGED", moved, "benchmark", "ACTIVE", large, end);
                }
            }
            // Parents before children, a chunk of programs at a time (foreign keys).
            if ((i + 1) % CHUNK == 0 || i == size - 1) {
                for (Rows r : List.of(accounts, programs, packs, ledger, configs, versions, entitlements, events)) {
                    r.flush();
                }
            }
        }
    }

    private long next(String table) {
        Long max = jdbc.queryForObject("select coalesce(max(id), 0) from " + table, Long.class);
        return (max == null ? 0 : max) + 1;
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(BusinessClock.ZONE).toInstant();
    }

    /** One multi-row INSERT per chunk, values as parameters (timestamps converted as everywhere else). */
    private final class Rows {
        private final String head;
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> args = new ArrayList<>();
        private int n;

        Rows(String head) {
            this.head = head;
        }

        void add(Object... values) {
            sql.append(n == 0 ? head : ", ").append('(');
            for (int i = 0; i < values.length; i++) {
                sql.append(i == 0 ? "?" : ", ?");
                args.add(values[i]);
            }
            sql.append(')');
            n++;
        }

        void flush() {
            if (n > 0) {
                jdbc.update(sql.toString(), args.toArray());
                sql.setLength(0);
                args.clear();
                n = 0;
            }
        }
    }
}
