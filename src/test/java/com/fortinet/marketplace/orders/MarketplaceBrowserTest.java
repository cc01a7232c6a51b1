package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.User;
import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.points.SpendingService;
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

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketplaceBrowserTest {

    @LocalServerPort int port;
    @Autowired MarketFixtures fx;
    @Autowired BusinessClock clock;
    @Autowired SpendingService spending;
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

    Page signIn(User user) {
        return browser.signIn(browser.newPage(), user.getEmail(), MarketFixtures.PASSWORD);
    }

    @Test
    void customerRenewsALapsedUnitSeesTheBackdateAndFindsTheOrderInHistory() {
        Account a = fx.customer("Browser renew");
        User user = fx.user(a, Permission.READ_WRITE);
        fx.points(a, "FC-10-FPNTS-1K");
        String lapsed = fx.unit(a, "FGT60F", "Store 12", -47, "FC247");
        fx.unit(a, "FGT60F", "Store 13", 200, "FC247");
        fx.unit(a, "FGT40F", "Store 14", 20, "FC247", "UTP");
        String backdatedTo = clock.today().minusDays(47).toString();

        Page page = signIn(user);
        page.getByLabel("Main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Marketplace")).click();
        assertThat(page.locator("h1")).hasText("Marketplace");
        Browser.ready(page).getByLabel("Expiry").selectOption("EXPIRED");
        assertThat(page.locator("#mp-units tbody tr")).hasCount(1);
        Browser.ready(page).locator("#u-" + lapsed).check();

        assertThat(page.locator("#mp-summary")).containsText("backdated 47 days to " + backdatedTo + " under the Continuous Service Policy");
        assertThat(page.locator("#mp-summary .totals")).containsText("180 points");
        assertThat(page.locator("#mp-summary .totals")).containsText("820 points");
        Browser.ready(page).getByLabel("Description").fill("PO 4471 store renewals");
        Browser.screenshot(page, "marketplace-preview-backdated");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place order · 180 points")).click();
        assertThat(page.locator("h1")).containsText("Order FMP-");
        assertThat(page.locator("main")).containsText("backdated 47 days to " + backdatedTo);
        String txn = page.locator("h1").textContent().replace("Order ", "").trim();
        Browser.screenshot(page, "marketplace-order-detail");

        page.getByLabel("Main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("History")).click();
        assertThat(page.locator(".history-table")).containsText(txn);
        assertThat(page.locator(".history-table")).containsText("PO 4471 store renewals");
        Browser.screenshot(page, "history");
        var csv = page.request().get("/accounts/" + a.getId() + "/orders/export.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().get("content-type")).startsWith("text/csv");
        assertThat(csv.text()).startsWith("transaction_number,date,type").contains(txn + ",").contains(lapsed + ",FGT60F,FC247")
                .contains(",47,");
        assertThat(spending.balance(a.getId())).isEqualTo(820);
        LedgerInvariants.assertHold(jdbc, a.getId());
    }

    @Test
    void anOrderIsBlockedWhenPointsAreInsufficient() {
        Account a = fx.customer("Browser poor");
        User user = fx.user(a, Permission.READ_WRITE);
        fx.points(a, "FC-10-FPNTS-1K");
        String big = fx.unit(a, "FGT400F", "Frankfurt DC", 12, "FC247", "ENT");

        Page page = signIn(user);
        Browser.go(page, "/accounts/" + a.getId() + "/marketplace");
        page.locator("#u-" + big).check();
        assertThat(page.locator("#mp-summary")).containsText("Not enough FortiPoints");
        assertThat(page.locator("#mp-summary .totals")).containsText("Shortfall");
        assertThat(page.locator("#mp-summary .totals")).containsText("10,500 points");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register points")))
                .hasAttribute("href", "/accounts/" + a.getId() + "/points/register");
        assertThat(page.locator("#mp-summary button[type=submit]")).isDisabled();
        Browser.screenshot(page, "marketplace-insufficient");
        assertThat(spending.balance(a.getId())).isEqualTo(1000);
    }

    @Test
    void partnerRenewsACustomersUnitPayingFromThePartnerAccount() {
        Account customer = fx.customer("Browser managed");
        Account partner = fx.partner("Browser reseller", customer);
        User pat = fx.user(partner, Permission.READ_WRITE);
        fx.points(partner, "FC-10-FPNTS-5K");
        String unit = fx.unit(customer, "FGT100F", "Paris office", 25, "FC247", "UTP");

        Page page = signIn(pat);
        Browser.go(page, "/accounts/" + customer.getId() + "/marketplace");
        page.locator("#u-" + unit).check();
        assertThat(page.locator("#mp-summary")).containsText("2,200 points");
        Browser.ready(page).getByLabel("Pay from").selectOption(String.valueOf(partner.getId()));
        assertThat(page.locator("#mp-summary .totals")).containsText("Balance of " + partner.getName());
        assertThat(page.locator("#mp-summary .totals")).containsText("2,800 points");
        Browser.screenshot(page, "marketplace-partner-pays");
        Browser.ready(page).locator("#mp-summary button[type=submit]").click();
        assertThat(page.locator("main")).containsText("Paid by");
        assertThat(page.locator(".detail-list")).containsText(partner.getName());
        assertThat(spending.balance(partner.getId())).isEqualTo(2800);
        assertThat(spending.balance(customer.getId())).isZero();
        LedgerInvariants.assertHold(jdbc, partner.getId());
    }

    @Test
    void optionsFollowTheOrderTypeAndCoTermAndUpgradePreviewLive() {
        Account a = fx.customer("Browser options");
        User user = fx.user(a, Permission.READ_WRITE);
        fx.points(a, "FC-10-FPNTS-5K");
        String early = fx.unit(a, "FGT60F", "Branch A", 40, "FC247", "UTP");
        String late = fx.unit(a, "FGT60F", "Branch B", 200, "FC247", "UTP");

        Page page = signIn(user);
        Browser.go(page, "/accounts/" + a.getId() + "/marketplace");
        page.locator("#u-" + early).check();
        Browser.ready(page).locator("#u-" + late).check();
        assertThat(page.locator("#mp-summary .preview-table tbody tr:not(.explain-row)")).hasCount(4);

        Browser.ready(page).getByText("Co-term", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.getByLabel("Co-term end date")).isVisible();
        String target = clock.today().plusDays(200).toString();
        assertThat(page.locator("#mp-summary")).containsText("Co-term end date: " + target);
        // the unit already ending on that date is refused, in plain words, and blocks the order
        assertThat(page.locator("#mp-summary")).containsText("Already covered until " + target);
        assertThat(page.locator("#mp-summary button[type=submit]")).isDisabled();
        Browser.screenshot(page, "marketplace-coterm");

        Browser.ready(page).getByText("Upgrade", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.getByLabel("Upgrade to")).isVisible();
        assertThat(page.locator("#mp-summary")).containsText("UTP → ENT");
        Browser.screenshot(page, "marketplace-upgrade");
    }

    @Test
    void bulkRenewalOfEverythingExpiringThisMonthIsThreeClicks() {
        // read-only on the demo data: nothing is placed
        Page page = browser.signIn("alice@acme.demo.test");
        page.getByLabel("Main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Units")).click();
        assertThat(page.locator("h1")).containsText("Units");
        Browser.ready(page).getByLabel("Expiry").selectOption("NEXT_30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        // count() does not wait: be on the filtered page first
        page.waitForURL("**expiry=NEXT_30**");
        int expiring = Browser.ready(page).locator(".units-table tbody tr").count();
        assertThat(expiring).isGreaterThan(2);
        page.locator(".units-table tbody input[type=checkbox]").first().check();
        page.locator(".units-table tbody input[type=checkbox]").nth(1).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Renew selected in Marketplace")).click();
        assertThat(page.locator("#mp-summary")).containsText("2 unit(s) selected");

        Browser.ready(page).getByLabel("Expiry").selectOption("NEXT_30");
        assertThat(page.locator("#mp-units tbody tr")).hasCount(expiring);
        Browser.ready(page).locator("#select-all").check();
        assertThat(page.locator("#mp-summary")).containsText(expiring + " unit(s) selected");
        assertThat(page.locator("#mp-summary .preview-table")).containsText("continues the current contract");
        Browser.screenshot(page, "marketplace-bulk-demo");
    }
}
