package com.fortinet.marketplace.history;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.User;
import com.fortinet.marketplace.demo.AccountsDemoSeed;
import com.fortinet.marketplace.flex.FlexProgramService;
import com.fortinet.marketplace.flex.FlexProgramType;
import com.fortinet.marketplace.flex.FlexTransferService;
import com.fortinet.marketplace.orders.MarketFixtures;
import com.fortinet.marketplace.orders.OrderRequest;
import com.fortinet.marketplace.orders.OrderService;
import com.fortinet.marketplace.orders.OrderType;
import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.support.Browser;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.time.BusinessClock;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** History (orders and FortiFlex transfers in one list) and the ledger's links, as a customer uses them. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryBrowserTest {

    @LocalServerPort int port;
    @Autowired MarketFixtures fx;
    @Autowired OrderService orders;
    @Autowired FlexProgramService programs;
    @Autowired FlexTransferService transfers;
    @Autowired BusinessClock clock;
    @Autowired JdbcTemplate jdbc;
    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    record Customer(Account account, User user, String order) {
    }

    /** An account with one renewal order and one FortiFlex transfer, both real. */
    Customer customerWithOrderAndTransfer(String name) {
        Account a = fx.customer(name);
        User user = fx.user(a, Permission.READ_WRITE);
        fx.points(a, "FC-10-FPNTS-5K");
        String unit = fx.unit(a, "FGT60F", "Store 5", 30, "FC247");
        String txn = orders.place(fx.principal(user), new OrderRequest(a.getId(), null, OrderType.RENEW, null,
                List.of(new OrderRequest.Line(unit, "FC247", 12, null)), "PO 77"), "hist-" + a.getId()).order().transactionNumber();
        programs.create(a.getId(), FlexProgramType.PREPAID, null, clock.today().minusDays(10), clock.today().plusYears(1), null);
        transfers.transfer(a.getId(), 1200, "hist-flex-" + a.getId(), user.getId(), user.getEmail());
        return new Customer(a, user, txn);
    }

    @Test
    void historyListsOrdersAndFortiFlexTransfersWithFiltersAndCsv() {
        Customer c = customerWithOrderAndTransfer("History both");
        Page page = browser.signIn(browser.newPage(), c.user().getEmail(), MarketFixtures.PASSWORD);
        page.getByLabel("Main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("History")).click();
        assertThat(page).hasTitle("History · " + c.account().getName() + " · FortiMarketplace");
        assertThat(page.locator(".history-table tbody tr")).hasCount(2);
        assertThat(page.locator(".history-table tr[data-kind=transfer]")).containsText("FortiFlex transfer");
        assertThat(page.locator(".history-table tr[data-kind=transfer]")).containsText("1,200.00 FortiFlex points to");
        assertThat(page.locator(".history-table tr[data-kind=transfer]")).containsText("anniversary ");
        assertThat(page.locator(".history-table tr[data-kind=order]")).containsText(c.order());
        Browser.screenshot(page, "history-orders-and-transfers");

        page.getByLabel("Type").selectOption("FLEX_TRANSFER");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.locator(".history-table tbody tr")).hasCount(1);
        page.locator(".history-table tr[data-kind=transfer] a").click();
        assertThat(page.locator("h1")).containsText("FortiFlex transfer #");
        assertThat(page.locator("#transfer-receipt")).containsText("1,200");

        var csv = page.request().get("/accounts/" + c.account().getId() + "/orders/export.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).startsWith("transaction_number,date,type,").contains(c.order() + ",")
                .contains(",FLEX_TRANSFER,COMPLETED,").contains(",1200,1200.00,ELAVMR");
        var onlyTransfers = page.request().get("/accounts/" + c.account().getId() + "/orders/export.csv?type=FLEX_TRANSFER");
        assertThat(onlyTransfers.text()).doesNotContain(c.order()).contains("FLEX_TRANSFER");
        LedgerInvariants.assertHold(jdbc, c.account().getId());
    }

    @Test
    void aBadDateIsExplainedAtItsFieldNotWithAnErrorPage() {
        Customer c = customerWithOrderAndTransfer("History bad date");
        Page page = browser.signIn(browser.newPage(), c.user().getEmail(), MarketFixtures.PASSWORD);
        var r = page.navigate("/accounts/" + c.account().getId() + "/orders?from=2026-13-45&to=soon");
        assertThat(r.status()).isEqualTo(400);
        assertThat(page.locator("h1")).hasText("History");
        assertThat(page.locator("#from-error")).hasText("'2026-13-45' is not a date: use YYYY-MM-DD, e.g. 2026-01-31.");
        assertThat(page.locator("#to-error")).containsText("'soon' is not a date");
        // the list still answers, without the bad filters
        assertThat(page.locator(".history-table tbody tr")).hasCount(2);
        Browser.screenshot(page, "history-bad-date");
    }

    @Test
    void ledgerReferencesLeadToTheOrderAndTheTransferAndPagesStaySane() {
        Customer c = customerWithOrderAndTransfer("Ledger links");
        long id = c.account().getId();
        Page page = browser.signIn(browser.newPage(), c.user().getEmail(), MarketFixtures.PASSWORD);
        Browser.go(page, "/accounts/" + id + "/points/ledger");
        assertThat(page.locator("[data-table=ledger] a", new Page.LocatorOptions().setHasText(c.order()))).isVisible();
        page.locator("[data-table=ledger] a", new Page.LocatorOptions().setHasText(c.order())).click();
        assertThat(page.locator("h1")).hasText("Order " + c.order());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^entry #"))).click();
        assertThat(page.locator("tr.row-highlight")).containsText(c.order());

        page.locator("[data-table=ledger] a", new Page.LocatorOptions().setHasText("FortiFlex ")).click();
        assertThat(page.locator("h1")).containsText("FortiFlex transfer #");
        Browser.go(page, "/accounts/" + id + "/points/ledger");
        page.locator("[data-table=ledger] a", new Page.LocatorOptions().setHasText("test pack")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/points#pack-\\d+$"));

        // far past the last page: the last page, with a range that makes sense
        Browser.go(page, "/accounts/" + id + "/points/ledger?page=99999");
        assertThat(page.locator(".pager")).containsText("1–3 of 3");
        assertThat(page.locator("[data-table=ledger] tbody tr")).hasCount(3);
        Browser.screenshot(page, "ledger-links");
    }

    @Test
    void demoSpendingComesFromRealOrdersAndTransfersOnly() {
        // On the demo accounts every order charge has its order and every FortiFlex debit its transfer (no FMP-DEMO
        // charges whose reference leads nowhere), and their balances still add up.
        String demo = " join accounts a on a.id = l.account_id where a.name in ('" + AccountsDemoSeed.ACME + "', '"
                + AccountsDemoSeed.GLOBEX + "', '" + AccountsDemoSeed.INITECH + "', '" + AccountsDemoSeed.PARTNER + "')";
        assertThat(jdbc.queryForObject("select count(*) from points_ledger l" + demo + " and l.kind = 'ORDER_CHARGED'"
                + " and not exists (select 1 from orders o where o.ledger_entry_id = l.id)", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from points_ledger l" + demo + " and l.kind = 'FLEX_TRANSFER'"
                + " and not exists (select 1 from flex_transfers t where t.points_ledger_entry_id = l.id)", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from points_ledger l" + demo + " and l.reference like 'FMP-DEMO-%'",
                Long.class)).isZero();
        List<Long> accounts = jdbc.queryForList("select distinct l.account_id from points_ledger l" + demo, Long.class);
        assertThat(accounts).hasSize(4);
        accounts.forEach(account -> LedgerInvariants.assertHold(jdbc, account));
        // every demo account spends something, through a real order or transfer
        assertThat(jdbc.queryForObject("select count(distinct l.account_id) from points_ledger l" + demo
                + " and l.kind in ('ORDER_CHARGED', 'FLEX_TRANSFER')", Long.class)).isEqualTo(4);
    }
}
