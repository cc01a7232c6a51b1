package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.demo.DemoSeed;
import com.fortinet.marketplace.installedbase.InstalledBase;
import com.fortinet.marketplace.orders.OrderType;
import com.fortinet.marketplace.orders.Orders;
import com.fortinet.marketplace.points.LedgerKind;
import com.fortinet.marketplace.points.PackService;
import com.fortinet.marketplace.points.SpendRequest;
import com.fortinet.marketplace.points.SpendingService;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * A year of renewal history so the RTS has something to explain: two direct customers (Contoso Retail, AMER;
 * Fabrikam Logistics, EMEA) whose 48 units came due over the last twelve months. About half were renewed with
 * FortiPoints (orders charged through the ledger, some backdated), a fifth by purchase order, the rest expired.
 * Kept off the other demo accounts so their units and orders stay as the other features' demos describe them.
 */
@Component
class RenewalsDemoSeed implements DemoSeed {

    private static final String[][] MODELS = {{"FortiGate", "FGT60F", "180"}, {"FortiGate", "FGT100F", "650"},
            {"FortiGate", "FGT40F", "130"}, {"FortiSwitch", "FS-148F", "120"}};

    private final AccountService accounts;
    private final PackService packs;
    private final SpendingService spending;
    private final Orders orders;
    private final InstalledBase contracts;
    private final JdbcTemplate jdbc;
    private final BusinessClock clock;

    RenewalsDemoSeed(AccountService accounts, PackService packs, SpendingService spending, Orders orders,
                     InstalledBase contracts, JdbcTemplate jdbc, BusinessClock clock) {
        this.accounts = accounts;
        this.packs = packs;
        this.spending = spending;
        this.orders = orders;
        this.contracts = contracts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "renewals-history";
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    @Transactional
    public void seed() {
        LocalDate today = clock.today();
        long contoso = accounts.create("Contoso Retail", AccountType.CUSTOMER, Region.AMER).getId();
        long fabrikam = accounts.create("Fabrikam Logistics", AccountType.CUSTOMER, Region.EMEA).getId();
        for (long a : new long[]{contoso, fabrikam}) {
            packs.addPack(a, "FC-10-FPNTS-25K", today.minusMonths(14), PackService.Source.DEMO, null, "demo history");
        }
        int n = 0;
        for (int m = 12; m >= 1; m--) {
            YearMonth month = YearMonth.from(today).minusMonths(m);
            for (int k = 0; k < 4; k++) {
                long account = k % 2 == 0 ? contoso : fabrikam;
                String[] model = MODELS[(m + k) % MODELS.length];
                String serial = String.format("%sHIST%02d%02d", model[1].replace("-", "").substring(0, 5), m, k);
                LocalDate end = month.atDay(Math.min(3 + 7 * k, 28));
                long unit = unit(account, serial, model[0], model[1], k % 2 == 0 ? "Contoso store " + (n + 1) : "Fabrikam depot " + (n + 1));
                long contract = contracts.insertContract(InstalledBase.NewContract.of(unit, "FC247", end.minusYears(1), end)).id();
                int outcome = (m * 4 + k) % 10;
                long price = Long.parseLong(model[2]);
                if (outcome < 5 && end.isBefore(today)) {
                    // Bought a few days before the end, or 20 days late and backdated (Continuous Service Policy).
                    LocalDate bought = outcome == 4 ? end.plusDays(20) : end.minusDays(6);
                    if (bought.isAfter(today)) {
                        bought = today;
                    }
                    pointsRenewal(account, unit, serial, model[1], contract, end, bought, price);
                } else if (outcome < 7 && end.isBefore(today)) {
                    long renewal = contracts.insertContract(InstalledBase.NewContract.of(unit, "FC247", end, end.plusYears(1))
                            .following(InstalledBase.Kind.RENEWAL, contract).paidByPo(price)).id();
                    jdbc.update("""
                            insert into po_renewals (contract_id, po_number, amount, term_months, backdated_days, business_date, recorded_by)
                            values (?, ?, ?, 12, 0, ?, 'staff@demo.test')""", renewal, "PO-DEMO-" + (7000 + n), price,
                            Date.valueOf(end.minusDays(3)));
                }
                n++;
            }
        }
    }

    private void pointsRenewal(long account, long unit, String serial, String model, long contract, LocalDate end,
                               LocalDate bought, long price) {
        LocalDate start = end;
        long backdated = Math.max(0, ChronoUnit.DAYS.between(start, bought));
        String txn = orders.nextTransactionNumber(bought.getYear());
        var charge = spending.spend(new SpendRequest(account, price, LedgerKind.ORDER_CHARGED, txn, "demo-history-" + txn));
        long orderId = orders.insert(Orders.NewOrder.of(txn, account, account, OrderType.RENEW, price, bought,
                "demo-history-" + txn).describedAs("Demo history renewal").placedBy(null, "demo history")
                .chargedBy(charge.ledgerEntryId()));
        long renewal = contracts.insertContract(InstalledBase.NewContract.of(unit, "FC247", start, start.plusYears(1))
                .following(InstalledBase.Kind.RENEWAL, contract).paidWithPoints(orderId, price)).id();
        jdbc.update("""
                insert into order_lines (order_id, line_no, unit_id, serial_number, model, service, term_months,
                    previous_end_date, start_date, end_date, backdated_days, forward_days, list_price_points, points,
                    explanation, contract_id)
                values (?, 1, ?, ?, ?, 'FC247', 12, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                orderId, unit, serial, model, Date.valueOf(end), Date.valueOf(start), Date.valueOf(start.plusYears(1)),
                backdated, ChronoUnit.DAYS.between(bought, start.plusYears(1)), price, price,
                backdated > 0 ? "backdated " + backdated + " days to " + start + " under the Continuous Service Policy"
                        : "continues the current contract from " + start + ", nothing backdated", renewal);
    }

    private long unit(long account, String serial, String family, String model, String location) {
        jdbc.update("insert into units (serial_number, family, model, account_id, location) values (?, ?, ?, ?, ?)",
                serial, family, model, account, location);
        return jdbc.queryForObject("select id from units where serial_number = ?", Long.class, serial);
    }
}
