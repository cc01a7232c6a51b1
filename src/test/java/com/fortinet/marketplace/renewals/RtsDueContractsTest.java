package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.installedbase.InstalledBase;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drill-down pages chosen through {@code rts_due_contracts} (V9_41, kept by triggers) are exactly the pages counting
 * the contracts gives: every status and "all", with and without region, family and channel filters, first, middle,
 * last and past-the-end page, for an installed base whose contracts were then renewed, re-pointed, cut short by
 * upgrades, had their end corrected, whose units were corrected (serial number, family) and moved to an account of
 * another region, and whose accounts moved region, all after their rows were in the table. Several contracts end on
 * the same day, on the same unit and with the same service, so the order's every key (end date, serial number, service,
 * id) decides somewhere, and serial numbers do not follow ids.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RtsDueContractsTest {

    static final LocalDate TODAY = LocalDate.of(2033, 6, 20);
    static final Period PERIOD = new Period(TODAY.minusDays(120), TODAY.plusDays(40));
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String FAMILY = "DueList-" + RUN;
    static final String OTHER_FAMILY = FAMILY + "-b";

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
    final List<Long> contracts = new ArrayList<>();
    final List<Long> units = new ArrayList<>();
    final List<Long> accountIds = new ArrayList<>();

    @BeforeAll
    void installedBaseThenChanged() {
        clock.setBusinessDate(TODAY);
        counting = new RtsReports(named, true);
        Random rnd = new Random(RUN.hashCode());
        Region[] regions = {Region.AMER, Region.EMEA, Region.APAC, Region.AMER, Region.EMEA};
        String[] models = {"FGT60F", "FGT100F", "FGT40F"};
        for (int a = 0; a < regions.length; a++) {
            Account account = accounts.create("Due list " + RUN + " " + a, AccountType.CUSTOMER, regions[a]);
            accountIds.add(account.getId());
            for (int u = 0; u < 6; u++) {
                // serial numbers in another order than the units' ids
                String serial = ("DL" + RUN + (char) ('Z' - rnd.nextInt(26)) + a + u).toUpperCase();
                long unit = base.insertUnit(account.getId(), serial, u % 3 == 2 ? OTHER_FAMILY : FAMILY,
                        models[rnd.nextInt(models.length)], "Site " + u, null);
                units.add(unit);
                // ends on few days, so days hold several contracts: of several units, of one unit with two services,
                // and twice the same service on the same unit and day (the id decides)
                LocalDate end = TODAY.plusDays(-110 + 10 * rnd.nextInt(15));
                contracts.add(contract(unit, "FC247", end.minusYears(1), end, "IMPORT", "NEW", null, null));
                contracts.add(contract(unit, "UTP", end.minusYears(1), end, "IMPORT", "NEW", null, null));
                if (u % 2 == 0) {
                    contracts.add(contract(unit, "FC247", end.minusYears(1), end, "IMPORT", "NEW", null, null));
                }
            }
        }
        // renewals by FortiPoints and PO (with their own ends, some of them in the period)
        for (int i = 0; i < contracts.size(); i += 3) {
            renew(contracts.get(i), rnd.nextBoolean() ? "POINTS" : "PO", rnd);
        }

        // ---- changes after the rows are in the table ----
        // renewed afterwards
        renew(contracts.get(1), "PO", rnd);
        renew(contracts.get(4), "POINTS", rnd);
        // upgrades cut contracts short, one of them renewed
        base.endEarly(contracts.get(2), TODAY.minusDays(3));
        base.endEarly(contracts.get(3), TODAY.minusDays(40));
        // a renewal re-pointed to another contract, another one's channel corrected (PO to FortiPoints or back), a third
        // one deleted
        Long successorOf6 = successorOf(contracts.get(6));
        if (successorOf6 != null && successorOf(contracts.get(8)) == null) {
            jdbc.update("update service_contracts set renews_contract_id = ? where id = ?", contracts.get(8), successorOf6);
        }
        Long successorOf9 = successorOf(contracts.get(9));
        if (successorOf9 != null) {
            jdbc.update("update service_contracts set channel = if(channel = 'PO', 'POINTS', 'PO') where id = ?", successorOf9);
        }
        Long successorOf12 = successorOf(contracts.get(12));
        if (successorOf12 != null && jdbc.queryForObject("select count(*) from service_contracts where renews_contract_id = ?",
                Long.class, successorOf12) == 0) {
            jdbc.update("delete from service_contracts where id = ?", successorOf12);
        }
        // ends corrected by hand: into grace, to another day, out of the period
        jdbc.update("update service_contracts set end_date = ? where id = ?", TODAY.minusDays(2), contracts.get(5));
        jdbc.update("update service_contracts set end_date = ? where id = ?", TODAY.minusDays(60), contracts.get(7));
        jdbc.update("update service_contracts set end_date = ? where id = ?", TODAY.plusYears(2), contracts.get(10));
        // units: corrected serial number (now sorting first) and family, moved to an account of another region
        jdbc.update("update units set serial_number = ? where id = ?", ("DL" + RUN + "0000").toUpperCase(), units.get(7));
        base.updateUnit(units.get(8), OTHER_FAMILY, "FGT200F", "Moved", null);
        base.updateUnit(units.get(2), FAMILY, "FGT60F", "Moved back", null);
        jdbc.update("update units set account_id = ? where id = ?", accountIds.get(2), units.get(1));
        jdbc.update("update units set account_id = ? where id = ?", accountIds.get(0), units.get(13));
        // accounts moved to another region
        Account moved = accounts.get(accountIds.get(1));
        accounts.update(moved.getId(), moved.getName(), Region.APAC);
        Account latam = accounts.get(accountIds.get(4));
        accounts.update(latam.getId(), latam.getName(), Region.LATAM);
    }

    @AfterAll
    void resetClock() {
        clock.reset();
    }

    @Test
    void theTableHoldsExactlyTheDueContractsWithTheirSuccessors() {
        String derived = """
                select c.id, c.end_date, u.serial_number, c.service, a.region, u.family, coalesce(s.channel, '') as channel
                from service_contracts c
                join units u on u.id = c.unit_id
                join accounts a on a.id = u.account_id
                left join service_contracts s on s.renews_contract_id = c.id
                where c.original_end_date is null""";
        // the whole table: the migration's backfill, then every trigger the suite has fired so far; the same bytes
        // (accounts.region has the database's collation, the copy the table's)
        assertThat(jdbc.queryForObject("select count(*) from rts_due_contracts", Long.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from (" + derived + ") x", Long.class));
        assertThat(jdbc.queryForList("select x.id from (" + derived + ") x left join rts_due_contracts d"
                + " on d.contract_id = x.id and d.end_date = x.end_date"
                + " and d.serial_number = x.serial_number collate utf8mb4_bin and d.service = x.service collate utf8mb4_bin"
                + " and d.region = x.region collate utf8mb4_bin and d.family = x.family collate utf8mb4_bin"
                + " and d.successor_channel = x.channel collate utf8mb4_bin and d.renewed = (x.channel <> '')"
                + " where d.contract_id is null", Long.class)).isEmpty();
        // ... and this test's changes are in it: the upgraded contracts are gone, the moved unit is in its new region
        assertThat(jdbc.queryForObject("select count(*) from rts_due_contracts where contract_id in (?, ?)", Long.class,
                contracts.get(2), contracts.get(3))).isZero();
        assertThat(jdbc.queryForList("select distinct d.region from rts_due_contracts d join service_contracts c"
                + " on c.id = d.contract_id where c.unit_id = ?", String.class, units.get(13))).containsExactly("AMER");
        assertThat(jdbc.queryForList("select distinct d.region from rts_due_contracts d join service_contracts c"
                + " on c.id = d.contract_id where c.unit_id = ?", String.class, units.get(1))).containsExactly("APAC");
    }

    /** Every filter of the drill-downs (no partner: that list counts the contracts) with every status and "all". */
    static Stream<Case> cases() {
        List<RtsFilter> filters = List.of(
                new RtsFilter(null, null, FAMILY, null),
                new RtsFilter(null, null, OTHER_FAMILY, null),
                new RtsFilter(Region.AMER, null, FAMILY, null),
                new RtsFilter(Region.APAC, null, FAMILY, null),
                new RtsFilter(Region.LATAM, null, OTHER_FAMILY, null),
                new RtsFilter(null, null, FAMILY, Channel.POINTS),
                new RtsFilter(null, null, FAMILY, Channel.PO),
                new RtsFilter(Region.EMEA, null, FAMILY, Channel.PO),
                new RtsFilter(Region.AMER, null, null, null),
                new RtsFilter(null, null, null, Channel.POINTS),
                RtsFilter.none());
        List<RenewalStatus> statuses = new ArrayList<>(List.of(RenewalStatus.values()));
        statuses.add(null);
        List<Case> cases = new ArrayList<>();
        for (RtsFilter filter : filters) {
            for (RenewalStatus status : statuses) {
                cases.add(new Case(filter, status));
            }
        }
        return cases.stream();
    }

    record Case(RtsFilter filter, RenewalStatus status) {
        @Override
        public String toString() {
            return (status == null ? "ALL" : status.name()) + " region=" + filter.region() + " family="
                    + (filter.family() == null ? null : filter.family().replace(RUN, "*")) + " channel=" + filter.channel();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firstMiddleLastAndPastTheEndPageAreThoseOfCountingTheContracts(Case c) {
        for (int size : new int[]{1, 2, 5, 25}) {
            Page<DueContract> all = counting.contracts(PERIOD, c.filter(), c.status(), TODAY, PageRequest.of(0, size));
            int pages = all.getTotalPages();
            if (c.status() == null && FAMILY.equals(c.filter().family()) && c.filter().region() == null && size == 5) {
                assertThat(pages).as("the family's list has pages to go through").isGreaterThan(3);
            }
            for (int page : new int[]{0, pages / 2, Math.max(0, pages - 1), pages, pages + 3}) {
                Page<DueContract> want = counting.contracts(PERIOD, c.filter(), c.status(), TODAY, PageRequest.of(page, size));
                Page<DueContract> got = reports.contracts(PERIOD, c.filter(), c.status(), TODAY, PageRequest.of(page, size));
                assertThat(got.getTotalElements()).as("total, page %d of %d, %s", page, size, c)
                        .isEqualTo(want.getTotalElements());
                assertThat(got.getContent()).as("page %d of %d, %s", page, size, c).isEqualTo(want.getContent());
                if (c.status() != null) {
                    assertThat(got.getContent()).allSatisfy(row -> assertThat(row.status()).isEqualTo(c.status()));
                }
            }
        }
    }

    private void renew(long contractId, String channel, Random rnd) {
        if (successorOf(contractId) != null) {
            return;
        }
        var c = jdbc.queryForMap("select unit_id, service, end_date from service_contracts where id = ?", contractId);
        LocalDate start = ((java.sql.Date) c.get("end_date")).toLocalDate();
        contracts.add(contract((Long) c.get("unit_id"), (String) c.get("service"), start, start.plusDays(20 + rnd.nextInt(300)),
                channel, "RENEWAL", contractId, channel.equals("POINTS") ? 100L + rnd.nextInt(500) : null));
    }

    private Long successorOf(long contractId) {
        List<Long> ids = jdbc.queryForList("select id from service_contracts where renews_contract_id = ?", Long.class, contractId);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private long contract(long unit, String service, LocalDate start, LocalDate end, String channel, String kind,
                          Long renews, Long points) {
        String number = "DL" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        jdbc.update("""
                insert into service_contracts (unit_id, service, contract_number, start_date, end_date, channel, kind,
                    renews_contract_id, points) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                unit, service, number, start, end, channel, kind, renews, points);
        return jdbc.queryForObject("select id from service_contracts where contract_number = ?", Long.class, number);
    }
}
