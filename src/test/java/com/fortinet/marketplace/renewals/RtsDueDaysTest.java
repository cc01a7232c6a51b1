package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.installedbase.InstalledBase;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-day counts behind the RTS (V9_40 {@code rts_due_days}, kept by triggers) give exactly what counting the
 * contracts gives: every figure, the trend and every page of every drill-down, for a random installed base that is
 * then renewed (FortiPoints, PO), cut short by upgrades, corrected (unit family and model, account region) and moved,
 * and for whatever the rest of the test suite has written into the shared database by then.
 */
@PortalTest
class RtsDueDaysTest {

    static final LocalDate TODAY = LocalDate.of(2032, 3, 14);

    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NamedParameterJdbcTemplate named;
    @Autowired
    AccountService accounts;
    @Autowired
    InstalledBase base;
    @Autowired
    RtsReports reports;

    RtsReports counting;
    String family;
    final List<Long> contracts = new ArrayList<>();
    final List<Long> units = new ArrayList<>();
    final List<Long> accountIds = new ArrayList<>();

    @BeforeEach
    void randomInstalledBase() {
        clock.setBusinessDate(TODAY);
        counting = new RtsReports(named, true);
        String run = UUID.randomUUID().toString().substring(0, 8);
        family = "DueDays-" + run;
        Random rnd = new Random(run.hashCode());
        Region[] regions = Region.values();
        String[] models = {"FGT60F", "FGT100F", "FGT40F"};
        String[] services = {"FC247", "UTP"};
        for (int a = 0; a < 4; a++) {
            Account account = accounts.create("Due days " + run + " " + a, AccountType.CUSTOMER, regions[a % regions.length]);
            accountIds.add(account.getId());
            for (int u = 0; u < 6; u++) {
                long unit = base.insertUnit(account.getId(), ("DD" + run + a + u).toUpperCase(), family,
                        models[rnd.nextInt(models.length)], "Site " + u, null);
                units.add(unit);
                for (String service : services) {
                    LocalDate end = TODAY.plusDays(rnd.nextInt(300) - 200);
                    contracts.add(contract(unit, service, end.minusYears(1), end, "IMPORT", "NEW", null, null));
                }
            }
        }
        // renewals by FortiPoints and PO, some of them of renewals
        for (int i = 0; i < contracts.size(); i += 3) {
            long renewed = contracts.get(i);
            var c = jdbc.queryForMap("select unit_id, service, end_date from service_contracts where id = ?", renewed);
            LocalDate start = ((java.sql.Date) c.get("end_date")).toLocalDate();
            boolean points = rnd.nextBoolean();
            contracts.add(contract((Long) c.get("unit_id"), (String) c.get("service"), start, start.plusMonths(12),
                    points ? "POINTS" : "PO", "RENEWAL", renewed, points ? 100L + rnd.nextInt(500) : null));
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void perDayCountsAgreeWithCountingTheContracts() {
        assertAgree();
        // upgrades cut contracts short (one of them already renewed)
        base.endEarly(contracts.get(1), TODAY.minusDays(3));
        base.endEarly(contracts.get(3), TODAY.minusDays(40));
        // a unit corrected to another model and family, an account moved to another region
        base.updateUnit(units.get(2), family + "-b", "FGT200F", "Moved", null);
        Account moved = accounts.get(accountIds.get(1));
        accounts.update(moved.getId(), moved.getName(), Region.APAC);
        // a contract's end corrected by hand, and a PO renewal recorded afterwards
        jdbc.update("update service_contracts set end_date = ? where id = ?", TODAY.minusDays(1), contracts.get(5));
        var c = jdbc.queryForMap("select unit_id, service, end_date from service_contracts where id = ?", contracts.get(7));
        LocalDate start = ((java.sql.Date) c.get("end_date")).toLocalDate();
        if (jdbc.queryForObject("select count(*) from service_contracts where renews_contract_id = ?", Long.class,
                contracts.get(7)) == 0) {
            contract((Long) c.get("unit_id"), (String) c.get("service"), start, start.plusMonths(12), "PO", "RENEWAL",
                    contracts.get(7), null);
        }
        assertAgree();
    }

    private void assertAgree() {
        List<Period> periods = List.of(new Period(TODAY.minusMonths(12).plusDays(1), TODAY),
                new Period(TODAY.minusDays(45), TODAY.plusDays(20)), new Period(TODAY, TODAY),
                Period.quarterOf(TODAY), new Period(TODAY.plusDays(1), TODAY.plusMonths(9)));
        List<RtsFilter> filters = new ArrayList<>();
        filters.add(RtsFilter.none()); // the whole database: what every other test has written too
        for (String f : List.of(family, family + "-b")) {
            filters.add(new RtsFilter(null, null, f, null));
            filters.add(new RtsFilter(Region.APAC, null, f, null));
            filters.add(new RtsFilter(null, null, f, Channel.POINTS));
            filters.add(new RtsFilter(Region.AMER, null, f, Channel.PO));
        }
        for (Period period : periods) {
            for (RtsFilter filter : filters) {
                assertThat(reports.summary(period, filter, TODAY)).as("summary %s %s", period, filter)
                        .isEqualTo(counting.summary(period, filter, TODAY));
                assertThat(reports.trend(period, filter, TODAY)).as("trend %s %s", period, filter)
                        .isEqualTo(counting.trend(period, filter, TODAY));
                if (filter.family() == null || period.to().isAfter(TODAY.plusDays(20))) {
                    continue; // the lists: this test's own contracts, every page, in the periods holding most of them
                }
                List<RenewalStatus> statuses = new ArrayList<>(List.of(RenewalStatus.values()));
                statuses.add(null);
                for (RenewalStatus status : statuses) {
                    for (int size : new int[]{4, 25}) {
                        Page<DueContract> expected = counting.contracts(period, filter, status, TODAY, PageRequest.of(0, size));
                        for (int page = 0; page <= expected.getTotalPages(); page++) {
                            Page<DueContract> want = counting.contracts(period, filter, status, TODAY, PageRequest.of(page, size));
                            Page<DueContract> got = reports.contracts(period, filter, status, TODAY, PageRequest.of(page, size));
                            assertThat(got.getTotalElements()).as("total %s %s %s", period, filter, status)
                                    .isEqualTo(want.getTotalElements());
                            assertThat(got.getContent()).as("page %d of %d %s %s %s", page, size, period, filter, status)
                                    .isEqualTo(want.getContent());
                        }
                    }
                }
            }
        }
    }

    private long contract(long unit, String service, LocalDate start, LocalDate end, String channel, String kind,
                          Long renews, Long points) {
        String number = "DD" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        jdbc.update("""
                insert into service_contracts (unit_id, service, contract_number, start_date, end_date, channel, kind,
                    renews_contract_id, points) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                unit, service, number, start, end, channel, kind, renews, points);
        return jdbc.queryForObject("select id from service_contracts where contract_number = ?", Long.class, number);
    }
}
