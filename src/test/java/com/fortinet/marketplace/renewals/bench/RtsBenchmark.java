package com.fortinet.marketplace.renewals.bench;

import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.partners.ConsoleSort;
import com.fortinet.marketplace.partners.PartnerConsole;
import com.fortinet.marketplace.renewals.Period;
import com.fortinet.marketplace.renewals.RenewalStatus;
import com.fortinet.marketplace.renewals.RtsFigures;
import com.fortinet.marketplace.renewals.RtsFilter;
import com.fortinet.marketplace.renewals.RtsReports;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Benchmark (profile {@code benchmark}, not a test): times the RTS summary, its trend, a drill-down page and the partner
 * console against whatever the database holds (run after {@code datagen}), prints median and worst of 10 runs after
 * 2 warm-ups, then exits. Never asserts anything. See README, "Benchmark".
 */
@Component
@Profile("benchmark")
@Order(2)
class RtsBenchmark implements ApplicationRunner {

    private static final int WARMUP = 2;
    private static final int RUNS = 10;

    private final RtsReports rts;
    private final PartnerConsole console;
    private final JdbcTemplate jdbc;
    private final BusinessClock clock;
    private final ConfigurableApplicationContext context;
    private final boolean exit;

    RtsBenchmark(RtsReports rts, PartnerConsole console, JdbcTemplate jdbc, BusinessClock clock,
                 ConfigurableApplicationContext context, @Value("${portal.benchmark.exit:true}") boolean exit) {
        this.rts = rts;
        this.console = console;
        this.jdbc = jdbc;
        this.clock = clock;
        this.context = context;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = clock.today();
        Period quarter = Period.quarterOf(today);
        Period lastQuarter = Period.quarterOf(quarter.from().minusDays(1));
        Period year = new Period(today.minusYears(1).plusDays(1), today);
        Long partner = jdbc.queryForObject("select partner_account_id from partner_links group by partner_account_id "
                + "order by count(*) desc limit 1", Long.class);
        long customers = jdbc.queryForObject("select count(*) from partner_links where partner_account_id = ?", Long.class, partner);
        StringBuilder out = new StringBuilder("\n=== RTS / partner console benchmark ===\n");
        out.append(String.format("database: %,d accounts, %,d units, %,d contracts, %,d orders; business date %s%n",
                count("accounts"), count("units"), count("service_contracts"), count("orders"), today));
        RtsFigures f = rts.summary(lastQuarter, RtsFilter.none(), today);
        out.append(String.format("last quarter %s: due %,d, renewed %,d, expired %,d, in grace %,d, rate %s%n",
                lastQuarter.label(), f.due(), f.renewed(), f.expired(), f.inGrace(), f.rateText()));
        out.append(time("RTS summary, last quarter, no filter", () -> rts.summary(lastQuarter, RtsFilter.none(), today)));
        out.append(time("RTS summary, this quarter, no filter", () -> rts.summary(quarter, RtsFilter.none(), today)));
        out.append(time("RTS summary, last 12 months, no filter", () -> rts.summary(year, RtsFilter.none(), today)));
        out.append(time("RTS summary, last quarter, region EMEA + FortiGate", () ->
                rts.summary(lastQuarter, new RtsFilter(Region.EMEA, null, "FortiGate", null), today)));
        out.append(time("RTS summary, last quarter, one partner", () ->
                rts.summary(lastQuarter, new RtsFilter(null, partner, null, null), today)));
        out.append(time("RTS monthly trend (12 months)", () -> rts.trend(lastQuarter, RtsFilter.none(), today)));
        out.append(time("RTS drill-down, expired, page 1", () ->
                rts.contracts(lastQuarter, RtsFilter.none(), RenewalStatus.EXPIRED, today, PageRequest.of(0, 25))));
        out.append(time("RTS drill-down, expired, last page", () -> {
            var first = rts.contracts(lastQuarter, RtsFilter.none(), RenewalStatus.EXPIRED, today, PageRequest.of(0, 25));
            return rts.contracts(lastQuarter, RtsFilter.none(), RenewalStatus.EXPIRED, today,
                    PageRequest.of(Math.max(0, first.getTotalPages() - 1), 25));
        }));
        out.append(time("Partner console (" + customers + " customers), by name", () ->
                console.customers(partner, "", ConsoleSort.NAME, false, today, PageRequest.of(0, 25))));
        out.append(time("Partner console, sorted by units lapsed", () ->
                console.customers(partner, "", ConsoleSort.LAPSED, true, today, PageRequest.of(0, 25))));
        out.append(time("Partner console, search", () ->
                console.customers(partner, "customer 00", ConsoleSort.NAME, false, today, PageRequest.of(0, 25))));
        System.out.println(out);
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    private long count(String table) {
        Long n = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return n == null ? 0 : n;
    }

    private static String time(String what, Supplier<?> call) {
        for (int i = 0; i < WARMUP; i++) {
            call.get();
        }
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            call.get();
            ms.add((System.nanoTime() - t) / 1_000_000);
        }
        Collections.sort(ms);
        return String.format("%-58s median %5d ms   worst %5d ms%n", what, ms.get(RUNS / 2), ms.get(RUNS - 1));
    }
}
