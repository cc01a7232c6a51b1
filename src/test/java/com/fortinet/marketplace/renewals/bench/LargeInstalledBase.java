package com.fortinet.marketplace.renewals.bench;

import com.fortinet.marketplace.time.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Data generator (profile {@code datagen}): fills the database with a large installed base so the RTS and the partner
 * console can be measured at size. Defaults: 10,000 customer accounts, 200 partners, 200,000 units, 400,000 contracts
 * (each unit: a first contract, then either its renewal (FortiPoints with an order, or PO) or a second service), one
 * pack per customer with its ledger row. Multi-row INSERTs of 1,000 rows with ids assigned here, in one pass.
 * Deterministic (fixed seed); runs once per database (recorded in demo_seeds). See README, "Benchmark".
 */
@Component
@Profile("datagen")
@Order(1)
class LargeInstalledBase implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LargeInstalledBase.class);
    private static final String MARK = "datagen-large-installed-base";
    private static final int BATCH = 1000;
    private static final String[][] MODELS = {
            {"FortiGate", "FGT40F"}, {"FortiGate", "FGT60F"}, {"FortiGate", "FGT60F"}, {"FortiGate", "FGT100F"},
            {"FortiGate", "FGT200F"}, {"FortiGate", "FGT400F"}, {"FortiSwitch", "FS-148F"}, {"FortiAP", "FAP-231F"},
            {"FortiManager", "FMG-VM"}, {"FortiAnalyzer", "FAZ-VM"}};
    private static final String[] REGIONS = {"AMER", "EMEA", "APAC", "LATAM"};

    private final JdbcTemplate jdbc;
    private final BusinessClock clock;
    private final int customers;
    private final int partners;
    private final int unitsPerCustomer;

    LargeInstalledBase(JdbcTemplate jdbc, BusinessClock clock,
                       @Value("${portal.datagen.customers:10000}") int customers,
                       @Value("${portal.datagen.partners:200}") int partners,
                       @Value("${portal.datagen.units-per-customer:20}") int unitsPerCustomer) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.customers = customers;
        this.partners = partners;
        this.unitsPerCustomer = unitsPerCustomer;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer done = jdbc.queryForObject("select count(*) from demo_seeds where name = ?", Integer.class, MARK);
        if (done != null && done > 0) {
            log.info("Large installed base already generated; skipping.");
            return;
        }
        long started = System.nanoTime();
        Random rnd = new Random(20261125L);
        LocalDate today = clock.today();
        long accountBase = next("accounts");
        long unitBase = next("units");
        long contractBase = next("service_contracts");
        long orderBase = next("orders");
        long packBase = next("point_packs");
        long ledgerBase = next("points_ledger");

        Rows accounts = new Rows("insert into accounts (id, name, type, region) values ");
        for (int p = 0; p < partners; p++) {
            accounts.add(accountBase + p, q(String.format("Gen partner %03d", p)), "'PARTNER'", q(REGIONS[p % 4]));
        }
        long firstCustomer = accountBase + partners;
        for (int c = 0; c < customers; c++) {
            accounts.add(firstCustomer + c, q(String.format("Gen customer %05d", c)), "'CUSTOMER'", q(REGIONS[(c / 7) % 4]));
        }
        accounts.flush();

        // 90 % of customers are managed by a partner, ~45 each with the defaults.
        Rows links = new Rows("insert into partner_links (partner_account_id, customer_account_id) values ");
        for (int c = 0; c < customers; c++) {
            if (c % 10 != 9) {
                links.add(accountBase + (c % partners), firstCustomer + c);
            }
        }
        links.flush();

        Rows packs = new Rows("insert into point_packs (id, account_id, sku, points, remaining, registered_at, expires_at, source, created_at) values ");
        Rows ledger = new Rows("insert into points_ledger (id, account_id, kind, points, balance_after, reference, pack_id, business_date, created_at) values ");
        String[] skus = {"FC-10-FPNTS-1K", "FC-10-FPNTS-5K", "FC-10-FPNTS-10K", "FC-10-FPNTS-25K"};
        long[] points = {1000, 5000, 10000, 25000};
        for (int c = 0; c < customers; c++) {
            int k = rnd.nextInt(4);
            LocalDate reg = today.minusDays(rnd.nextInt(1095));
            long id = packBase + c;
            packs.add(id, firstCustomer + c, q(skus[k]), points[k], points[k], d(reg), d(reg.plusYears(3)), "'IMPORT'", "now(6)");
            ledger.add(ledgerBase + c, firstCustomer + c, "'PACK_REGISTERED'", points[k], points[k], q("datagen"), id, d(reg), "now(6)");
        }
        packs.flush();
        ledger.flush();

        Rows units = new Rows("insert into units (id, serial_number, family, model, account_id) values ", false);
        Rows contracts = new Rows("insert into service_contracts (id, unit_id, service, contract_number, start_date, end_date, channel, kind, renews_contract_id, order_id, points) values ", false);
        Rows orders = new Rows("insert into orders (id, transaction_number, account_id, paying_account_id, type, status, total_points, idempotency_key, business_date, created_by) values ", false);
        Rows lines = new Rows("insert into order_lines (order_id, line_no, unit_id, serial_number, model, service, term_months, previous_end_date, start_date, end_date, backdated_days, forward_days, list_price_points, points, explanation, contract_id) values ", false);
        long unitId = unitBase;
        long contractId = contractBase;
        long orderId = orderBase;
        for (int c = 0; c < customers; c++) {
            long account = firstCustomer + c;
            for (int u = 0; u < unitsPerCustomer; u++) {
                String[] fm = MODELS[rnd.nextInt(MODELS.length)];
                String serial = String.format("GEN%07dU%04d", c, u);
                units.add(unitId, q(serial), q(fm[0]), q(fm[1]), account);
                // First contract: ends anywhere from three years ago to two years ahead.
                LocalDate end = today.plusDays(rnd.nextInt(1825) - 1095);
                long first = contractId++;
                contracts.add(first, unitId, "'FC247'", q("GC" + first), d(end.minusYears(1)), d(end), "'IMPORT'", "'NEW'", "null", "null", "null");
                int roll = rnd.nextInt(100);
                boolean ended = end.isBefore(today.plusDays(30));
                if (ended && roll < 45) {
                    // Renewed with FortiPoints through an order; a lapse of more than 10 days is backdated.
                    long price = listPrice(fm[1]);
                    LocalDate bought = end.plusDays(rnd.nextInt(60) - 20);
                    long backdated = Math.max(0, bought.toEpochDay() - end.toEpochDay());
                    LocalDate start = backdated > 10 ? end : (bought.isAfter(end) ? bought : end);
                    backdated = start.isBefore(bought) ? bought.toEpochDay() - start.toEpochDay() : 0;
                    long renewal = contractId++;
                    orders.add(orderId, q(String.format("GEN-%012d", orderId)), account, account, "'RENEW'", "'COMPLETED'",
                            price, q("gen-" + orderId), d(bought), "'datagen'");
                    contracts.add(renewal, unitId, "'FC247'", q("GC" + renewal), d(start), d(start.plusYears(1)), "'POINTS'", "'RENEWAL'", first, orderId, price);
                    lines.add(orderId, 1, unitId, q(serial), q(fm[1]), "'FC247'", 12, d(end), d(start), d(start.plusYears(1)), backdated,
                            start.plusYears(1).toEpochDay() - bought.toEpochDay(), price, price, "'generated'", renewal);
                    orderId++;
                } else if (ended && roll < 65) {
                    long renewal = contractId++;
                    contracts.add(renewal, unitId, "'FC247'", q("GC" + renewal), d(end), d(end.plusYears(1)), "'PO'", "'RENEWAL'", first, "null", listPrice(fm[1]));
                } else {
                    long second = contractId++;
                    LocalDate end2 = end.plusDays(rnd.nextInt(200) - 100);
                    contracts.add(second, unitId, fm[0].equals("FortiGate") ? "'UTP'" : "'PRMA'", q("GC" + second), d(end2.minusYears(1)), d(end2), "'IMPORT'", "'NEW'", "null", "null", "null");
                }
                unitId++;
            }
            if (c % 50 == 49) {
                // ~1,000 units and ~2,000 contracts per statement, in foreign-key order.
                units.flush();
                orders.flush();
                contracts.flush();
                lines.flush();
            }
            if (c % 1000 == 999) {
                log.info("datagen: {} customers done", c + 1);
            }
        }
        units.flush();
        orders.flush();
        contracts.flush();
        lines.flush();
        jdbc.update("insert into demo_seeds (name) values (?)", MARK);
        jdbc.execute("analyze table accounts, partner_links, units, service_contracts, orders, order_lines, point_packs");
        log.info("datagen: {} accounts, {} units, {} contracts, {} orders in {} s", customers + partners,
                unitId - unitBase, contractId - contractBase, orderId - orderBase, (System.nanoTime() - started) / 1_000_000_000);
    }

    private long listPrice(String model) {
        return switch (model) {
            case "FGT40F" -> 130;
            case "FGT60F" -> 180;
            case "FGT100F" -> 650;
            case "FGT200F" -> 1100;
            case "FGT400F" -> 2800;
            case "FS-148F" -> 120;
            case "FAP-231F" -> 45;
            case "FMG-VM" -> 900;
            default -> 1100;
        };
    }

    private long next(String table) {
        Long max = jdbc.queryForObject("select coalesce(max(id), 0) from " + table, Long.class);
        return (max == null ? 0 : max) + 1;
    }

    private static String q(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String d(LocalDate date) {
        return "'" + date + "'";
    }

    /** Values are generated here (numbers, fixed strings), never user input, so they are inlined. */
    private final class Rows {
        private final String head;
        private final boolean autoFlush;
        private final List<String> rows = new ArrayList<>();

        Rows(String head) {
            this(head, true);
        }

        /** Without auto-flush the caller flushes tables in foreign-key order (units, orders, contracts, lines). */
        Rows(String head, boolean autoFlush) {
            this.head = head;
            this.autoFlush = autoFlush;
        }

        void add(Object... values) {
            StringBuilder b = new StringBuilder("(");
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(values[i]);
            }
            rows.add(b.append(')').toString());
            if (autoFlush && rows.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (!rows.isEmpty()) {
                jdbc.execute(head + String.join(",", rows));
                rows.clear();
            }
        }
    }
}
