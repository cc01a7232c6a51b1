package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.support.PortalTest;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hundredths migration on rows written in the old whole-point shape: a fresh database on the test JVM's MariaDB is
 * migrated up to the version before it, filled with FortiFlex programs, transfers, ledger rows and roll-overs as the
 * portal wrote them (BIGINT points), then migrated to the latest version. Every amount, balance and roll-over must
 * read back exactly, now with two decimals.
 */
@PortalTest
class FlexHundredthsMigrationTest {

    @Autowired DataSource portalDataSource;

    @Test
    void existingBalancesAreUnchangedAndNowCarryTwoDecimals() {
        HikariDataSource portal = (HikariDataSource) portalDataSource;
        String database = "flex_hundredths_" + UUID.randomUUID().toString().substring(0, 8);
        JdbcTemplate server = new JdbcTemplate(portal);
        server.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        try {
            DriverManagerDataSource ds = new DriverManagerDataSource(
                    portal.getJdbcUrl().replaceFirst("(//[^/]+/)[^?]*", "$1" + database), portal.getUsername(), portal.getPassword());
            JdbcTemplate jdbc = new JdbcTemplate(ds);

            MigrationVersion hundredths = versionOf(ds, "flex points hundredths");
            flyway(ds).target(previous(ds, hundredths).getVersion()).load().migrate();
            assertThat(columnType(jdbc, "flex_ledger", "points")).startsWith("bigint");

            long[] programs = writeOldShapeHistory(jdbc);
            Map<Long, Object> balancesBefore = balances(jdbc, programs);
            List<Map<String, Object>> ledgerBefore = jdbc.queryForList(
                    "select id, kind, cast(points as char) as points, cast(balance_after as char) as balance_after from flex_ledger order by id");
            List<Map<String, Object>> rolloversBefore = jdbc.queryForList("""
                    select program_id, anniversary, cast(unused_added_before_day_180 as char) as b, cast(unused_added_from_day_180 as char) as f,
                           cast(rolled_over as char) as r, cast(forfeited as char) as x from flex_rollovers order by program_id, anniversary""");

            flyway(ds).load().migrate();

            for (String[] column : new String[][]{{"flex_ledger", "points"}, {"flex_ledger", "balance_after"},
                    {"flex_transfers", "flex_points_acquired"}, {"flex_rollovers", "unused_added_before_day_180"},
                    {"flex_rollovers", "unused_added_from_day_180"}, {"flex_rollovers", "rolled_over"},
                    {"flex_rollovers", "forfeited"}}) {
                assertThat(columnType(jdbc, column[0], column[1])).as(column[0] + "." + column[1]).isEqualTo("decimal(19,2)");
            }
            assertThat(columnType(jdbc, "flex_transfers", "rate")).isEqualTo("decimal(9,2)");

            // Each old whole number n reads back as n.00, row by row.
            List<Map<String, Object>> ledgerAfter = jdbc.queryForList(
                    "select id, kind, cast(points as char) as points, cast(balance_after as char) as balance_after from flex_ledger order by id");
            assertThat(ledgerAfter).hasSameSizeAs(ledgerBefore);
            for (int i = 0; i < ledgerBefore.size(); i++) {
                var before = ledgerBefore.get(i);
                var after = ledgerAfter.get(i);
                assertThat(after.get("id")).isEqualTo(before.get("id"));
                assertThat(after.get("points")).isEqualTo(before.get("points") + ".00");
                assertThat(after.get("balance_after")).isEqualTo(before.get("balance_after") + ".00");
            }
            List<Map<String, Object>> rolloversAfter = jdbc.queryForList("""
                    select program_id, anniversary, cast(unused_added_before_day_180 as char) as b, cast(unused_added_from_day_180 as char) as f,
                           cast(rolled_over as char) as r, cast(forfeited as char) as x from flex_rollovers order by program_id, anniversary""");
            assertThat(rolloversAfter).hasSameSizeAs(rolloversBefore);
            for (int i = 0; i < rolloversBefore.size(); i++) {
                for (String k : List.of("b", "f", "r", "x")) {
                    assertThat(rolloversAfter.get(i).get(k)).isEqualTo(rolloversBefore.get(i).get(k) + ".00");
                }
            }

            // The balances the portal reads through its own ledger code are the same numbers.
            FlexLedger ledger = new FlexLedger(jdbc);
            for (long program : programs) {
                long before = ((Number) balancesBefore.get(program)).longValue();
                assertThat(ledger.balance(program)).as("balance of program %s", program).isEqualTo(FlexPoints.of(before));
                FlexLedgerInvariants.assertHold(jdbc, program);
            }
            FlexTransfers transfers = new FlexTransfers(jdbc);
            long account = jdbc.queryForObject("select account_id from flex_programs where id = ?", Long.class, programs[0]);
            assertThat(transfers.ofAccount(account, 10)).extracting(FlexTransfer::flexPointsAcquired)
                    .containsExactlyInAnyOrder(FlexPoints.of(1001), FlexPoints.of(4000000000000L));

            // New rows now take hundredths.
            ledger.append(programs[0], FlexLedgerKind.USAGE, FlexPoints.parse("-6.39"), LocalDate.parse("2026-04-01"), "a day", null);
            assertThat(ledger.balance(programs[0])).isEqualTo(FlexPoints.of(((Number) balancesBefore.get(programs[0])).longValue())
                    .minus(FlexPoints.parse("6.39")));
            FlexLedgerInvariants.assertHold(jdbc, programs[0]);
        } finally {
            server.execute("DROP DATABASE IF EXISTS `" + database + "`");
        }
    }

    /**
     * Two prepaid programs as the whole-point portal left them: transfers (one huge), usage, a roll-over with its
     * forfeit; and a postpaid one with no ledger. Returns the program ids.
     */
    private static long[] writeOldShapeHistory(JdbcTemplate jdbc) {
        jdbc.update("insert into accounts (id, name, type, region) values (5001, 'Old shape A', 'CUSTOMER', 'EMEA'), "
                + "(5002, 'Old shape B', 'CUSTOMER', 'AMER'), (5003, 'Old shape C', 'CUSTOMER', 'APAC')");
        jdbc.update("insert into users (id, email, display_name, password_hash, role, permission, account_id) values "
                + "(6001, 'old@shape.test', 'Old', 'x', 'CUSTOMER_USER', 'READ_WRITE', 5001)");
        jdbc.update("insert into flex_programs (id, account_id, type, serial_number, start_date, end_date) values "
                + "(7001, 5001, 'PREPAID', 'ELAVMR0000007001', '2025-03-10', '2028-03-10'), "
                + "(7002, 5002, 'PREPAID', 'ELAVMR0000007002', '2024-01-01', '2029-01-01'), "
                + "(7003, 5003, 'POSTPAID', 'ELAVMS0000007003', '2025-01-01', '2026-01-01')");
        jdbc.update("insert into flex_transfers (id, account_id, program_id, forti_points_spent, flex_points_acquired, rate, "
                + "anniversary_date, idempotency_key, points_ledger_entry_id, created_by) values "
                + "(8001, 5001, 7001, 1001, 1001, 1, '2026-03-10', 'k1', 1, 6001), "
                + "(8002, 5001, 7001, 2000000000000, 4000000000000, 2, '2026-03-10', 'k2', 2, 6001), "
                + "(8003, 5002, 7002, 5000, 5000, 1, '2025-01-01', 'k3', 3, 6001)");
        jdbc.update("""
                insert into flex_ledger (program_id, kind, points, balance_after, effective_date, description, transfer_id) values
                (7001, 'TRANSFER_IN', 1001, 1001, '2025-03-20', 't', 8001),
                (7001, 'TRANSFER_IN', 4000000000000, 4000000001001, '2025-09-20', 't', 8002),
                (7001, 'USAGE', -600, 4000000000401, '2025-10-01', 'u', null),
                (7002, 'TRANSFER_IN', 5000, 5000, '2024-02-01', 't', 8003),
                (7002, 'USAGE', -1999, 3001, '2024-06-01', 'u', null),
                (7002, 'FORFEIT', -1501, 1500, '2025-01-01', 'f', null),
                (7002, 'ROLL_OVER', 0, 1500, '2025-01-01', 'r', null),
                (7002, 'USAGE', -7, 1493, '2025-02-01', 'u', null)""");
        jdbc.update("insert into flex_rollovers (program_id, anniversary, unused_added_before_day_180, unused_added_from_day_180, "
                + "rolled_over, forfeited) values (7002, '2025-01-01', 3001, 0, 1500, 1501)");
        return new long[]{7001, 7002, 7003};
    }

    private static Map<Long, Object> balances(JdbcTemplate jdbc, long[] programs) {
        Map<Long, Object> out = new java.util.HashMap<>();
        for (long p : programs) {
            out.put(p, jdbc.queryForObject("select coalesce(sum(points), 0) from flex_ledger where program_id = ?", Long.class, p));
            Long last = jdbc.query("select balance_after from flex_ledger where program_id = ? order by id desc limit 1",
                    rs -> rs.next() ? rs.getLong(1) : 0L, p);
            assertThat(last).as("old ledger of %s is consistent", p).isEqualTo(out.get(p));
        }
        return out;
    }

    private static String columnType(JdbcTemplate jdbc, String table, String column) {
        return jdbc.queryForObject("""
                select lower(column_type) from information_schema.columns
                where table_schema = database() and table_name = ? and column_name = ?""", String.class, table, column);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration").outOfOrder(true);
    }

    private static MigrationVersion versionOf(DataSource ds, String description) {
        return Arrays.stream(flyway(ds).load().info().all())
                .filter(m -> m.getDescription().equalsIgnoreCase(description)).findFirst()
                .orElseThrow(() -> new AssertionError("no migration named " + description)).getVersion();
    }

    /** The migration just before {@code version}: other branches add theirs, so the number is looked up, not written here. */
    private static MigrationInfo previous(DataSource ds, MigrationVersion version) {
        return Arrays.stream(flyway(ds).load().info().all())
                .filter(m -> m.getVersion() != null && m.getVersion().compareTo(version) < 0)
                .max(Comparator.comparing(MigrationInfo::getVersion)).orElseThrow();
    }
}
