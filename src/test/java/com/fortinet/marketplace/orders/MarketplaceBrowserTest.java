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
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
        assertThat(page.locator(".alert-success")).containsText("180 FortiPoints charged to " + a.getName());
        assertThat(page.locator("main")).containsText("backdated 47 days to " + backdatedTo);
        // one time-zone rule: the time it was placed is in the business time zone, like the dates
        assertThat(page.locator(".detail-list")).containsText(java.util.regex.Pattern.compile("at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d P[SD]T"));
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Order FMP-\\d{4}-\\d{6} · " + a.getName()));
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
        // DESIGN §3.4: the partner's own account is preselected, and the preview names who pays
        assertThat(page.getByLabel("Pay from")).hasValue(String.valueOf(partner.getId()));
        page.locator("#u-" + unit).check();
        assertThat(page.locator("#mp-summary")).containsText("2,200 points");
        assertThat(page.locator("[data-payer]")).containsText("Paid from " + partner.getName() + " (your own partner points)");
        assertThat(page.locator("#mp-summary .totals")).containsText("Balance of " + partner.getName());
        assertThat(page.locator("#mp-summary .totals")).containsText("2,800 points");
        Browser.screenshot(page, "marketplace-partner-pays");
        Browser.ready(page).locator("#mp-summary button[type=submit]").click();
        assertThat(page.locator(".alert-success")).containsText("2,200 FortiPoints charged to " + partner.getName());
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

        Browser.ready(page).getByText("Upgrade", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.getByLabel("Upgrade to")).isVisible();
        assertThat(page.locator("#mp-summary")).containsText("UTP → ENT");
        Browser.screenshot(page, "marketplace-upgrade");

        Browser.ready(page).getByText("Co-term", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.getByLabel("Co-term end date")).isVisible();
        String target = clock.today().plusDays(200).toString();
        assertThat(page.locator("#mp-summary")).containsText("Co-term end date: " + target);
        // DESIGN §3.2: the unit already covered to the default date is left out and the preview says why; the rest orders
        assertThat(page.locator("#mp-summary [data-left-out]")).containsText("2 lines are left out");
        assertThat(page.locator("#mp-summary tr.left-out").first()).containsText("Left out: already covered until " + target);
        assertThat(page.locator("#mp-summary button[type=submit]")).isEnabled();
        Browser.screenshot(page, "marketplace-coterm");
        Browser.ready(page).locator("#mp-summary button[type=submit]").click();
        assertThat(page.locator("h1")).containsText("Order FMP-");
        assertThat(page.locator(".preview-table tbody tr:not(.explain-row)")).hasCount(2);
        assertThat(page.locator(".preview-table")).containsText(early);
        assertThat(page.locator(".preview-table")).not().containsText(late);
        LedgerInvariants.assertHold(jdbc, a.getId());
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
        assertThat(page.locator("#mp-summary")).containsText("2 units selected");

        Browser.ready(page).getByLabel("Expiry").selectOption("NEXT_30");
        assertThat(page.locator("#mp-units tbody tr")).hasCount(expiring);
        Browser.ready(page).locator("#select-all").check();
        assertThat(page.locator("#mp-summary")).containsText(expiring + " units selected");
        assertThat(page.locator("#mp-summary .preview-table")).containsText("continues the current contract");
        Browser.screenshot(page, "marketplace-bulk-demo");
    }
    @Test
    void thePreviewShowsItIsWorkingAndSaysWhenAnUpdateFailed() {
        Account a = fx.customer("Browser busy");
        User user = fx.user(a, Permission.READ_WRITE);
        fx.points(a, "FC-10-FPNTS-5K");
        String first = fx.unit(a, "FGT60F", "Branch A", 40, "FC247");
        String second = fx.unit(a, "FGT60F", "Branch B", 60, "FC247");

        Page page = signIn(user);
        Browser.go(page, "/accounts/" + a.getId() + "/marketplace");
        page.locator("#u-" + first).check();
        assertThat(page.locator("#mp-summary")).containsText("1 unit selected");
        assertThat(page.locator("#mp-place")).isEnabled();
        Browser.ready(page);

        // Hold the next preview request: while it is on its way the page says so and "Place order" can't be pressed.
        List<Route> held = new CopyOnWriteArrayList<>();
        page.route(url -> url.contains("part=summary"), held::add);
        page.locator("#u-" + second).check();
        assertThat(page.locator("#mp-busy")).isVisible();
        assertThat(page.locator("#mp-busy")).hasText("Updating the preview…");
        assertThat(page.locator("#mp-place")).isDisabled();
        Browser.screenshot(page, "marketplace-busy");
        page.waitForCondition(() -> !held.isEmpty());
        held.forEach(Route::resume);
        assertThat(page.locator("#mp-summary")).containsText("2 units selected");
        assertThat(page.locator("#mp-busy")).isHidden();
        assertThat(page.locator("#mp-place")).isEnabled();
        page.unrouteAll();

        // A failed update is said, not silent; the next good one clears the message.
        page.route(url -> url.contains("part=summary"), r -> r.fulfill(new Route.FulfillOptions().setStatus(500).setBody("boom")));
        Browser.ready(page).locator("#u-" + second).uncheck();
        assertThat(page.locator("#request-error")).isVisible();
        assertThat(page.locator("#request-error")).containsText("could not be updated: the server answered 500");
        assertThat(page.locator("#mp-summary")).containsText("2 units selected");
        Browser.screenshot(page, "marketplace-request-failed");
        page.unrouteAll();
        Browser.ready(page).locator("#u-" + second).check();
        assertThat(page.locator("#request-error")).isHidden();
        assertThat(page).hasTitle("Marketplace · " + a.getName() + " · FortiMarketplace");

        // Placing: the button says it is working and can't be pressed twice. (The form's submission is cancelled after
        // portal.js has handled it, so the page stays to be looked at; holding the request back instead leaves
        // Playwright waiting on a navigation that never ends.)
        page.evaluate("() => window.addEventListener('submit', e => e.preventDefault(), {once: true})");
        Browser.ready(page).locator("#mp-place").click();
        assertThat(page.locator("#mp-place")).hasText("Placing the order…");
        assertThat(page.locator("#mp-place")).isDisabled();
        assertThat(spending.balance(a.getId())).isEqualTo(5000);
        Browser.go(page, "/accounts/" + a.getId() + "/marketplace?serial=" + first + "&serial=" + second);
        Browser.ready(page).locator("#mp-place").click();
        assertThat(page.locator("h1")).containsText("Order FMP-");
        assertThat(spending.balance(a.getId())).isEqualTo(5000 - 360);
        LedgerInvariants.assertHold(jdbc, a.getId());
    }

    @Test
    void choosingCoTermWithTheKeyboardKeepsTheFocusSoTabReachesTheDate() {
        Account a = fx.customer("Browser keyboard");
        User user = fx.user(a, Permission.READ_WRITE);
        fx.points(a, "FC-10-FPNTS-1K");
        String unit = fx.unit(a, "FGT60F", "Branch K", 40, "FC247");

        Page page = signIn(user);
        Browser.go(page, "/accounts/" + a.getId() + "/marketplace");
        page.locator("#u-" + unit).check();
        assertThat(page.locator("#mp-summary")).containsText("1 unit selected");
        Browser.ready(page).locator("#type-RENEW").focus();
        page.keyboard().press("ArrowRight");
        assertThat(page.getByLabel("Co-term end date")).isVisible();
        assertThat(page.locator("#type-COTERM")).isChecked();
        assertThat(page.locator("#type-COTERM")).isFocused();
        Browser.ready(page).keyboard().press("Tab");
        assertThat(page.locator("#targetEndDate")).isFocused();
        Browser.screenshot(page, "marketplace-keyboard-coterm");
    }

    @Test
    void upgradingALapsedUnitWithTheDefaultOptionsSaysItMustBeRenewed() {
        Account a = fx.customer("Browser lapsed upgrade");
        User user = fx.user(a, Permission.READ_WRITE);
        fx.points(a, "FC-10-FPNTS-1K");
        String unit = fx.unit(a, "FGT60F", "Branch L", -30, "FC247", "UTP");
        String lapsedOn = clock.today().minusDays(30).toString();

        Page page = signIn(user);
        Browser.go(page, "/accounts/" + a.getId() + "/marketplace");
        page.locator("#u-" + unit).check();
        assertThat(page.locator("#mp-summary")).containsText("1 unit selected");
        Browser.ready(page).getByText("Upgrade", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("#mp-summary .preview-table")).containsText(
                "UTP lapsed on " + lapsedOn + ": a lapsed service must be renewed, not upgraded.");
        assertThat(page.locator("#mp-summary")).not().containsText("Choose the service to upgrade to");
        assertThat(page.locator("#mp-place")).isDisabled();
    }

    @Test
    void coverageIsNeverSoldPastEndOfSupport() {
        Account a = fx.customer("Browser EoS");
        User user = fx.user(a, Permission.READ_WRITE);
        fx.points(a, "FC-10-FPNTS-5K");
        java.time.LocalDate eos = clock.today().plusDays(120);
        String unit = fx.unitWithEndOfSupport(a, "FGT100F", "Vienna office", 70, eos, "FC247");

        Page page = signIn(user);
        Browser.go(page, "/accounts/" + a.getId() + "/marketplace?term=36");
        page.locator("#u-" + unit).check();
        assertThat(page.locator("#mp-summary .preview-table")).containsText("This unit's End-of-Support date is " + eos
                + ": coverage can't pass it");
        assertThat(page.locator("#mp-place")).isDisabled();
        Browser.screenshot(page, "marketplace-end-of-support");

        // co-terming to the End-of-Support date itself is allowed
        Browser.ready(page).getByText("Co-term", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.getByLabel("Co-term end date")).isVisible();
        Browser.ready(page).getByLabel("Co-term end date").fill(eos.toString());
        assertThat(page.locator("#mp-summary")).containsText("Co-term end date: " + eos);
        assertThat(page.locator("#mp-place")).isEnabled();
        Browser.ready(page).locator("#mp-place").click();
        assertThat(page.locator("h1")).containsText("Order FMP-");
        assertThat(page.locator(".preview-table")).containsText(eos.toString());
        LedgerInvariants.assertHold(jdbc, a.getId());
    }

    @Test
    void anOlderTabPlacesNothingWhenTheUnitWasRenewedMeanwhileAndShowsWhatChanged() {
        Account a = fx.customer("Browser stale tab");
        User user = fx.user(a, Permission.READ_WRITE);
        fx.points(a, "FC-10-FPNTS-1K");
        String unit = fx.unit(a, "FGT60F", "Store 9", 20, "FC247");
        String end = clock.today().plusDays(20).toString();

        Page older = signIn(user);
        Browser.go(older, "/accounts/" + a.getId() + "/marketplace");
        older.locator("#u-" + unit).check();
        assertThat(older.locator("#mp-summary")).containsText("continues the current contract from " + end);

        // The same user renews the unit in another tab of the same browser.
        Page newer = older.context().newPage();
        Browser.go(newer, "/accounts/" + a.getId() + "/marketplace?serial=" + unit);
        assertThat(newer.locator("#mp-summary")).containsText("180 points");
        Browser.ready(newer).locator("#mp-place").click();
        assertThat(newer.locator("h1")).containsText("Order FMP-");
        assertThat(spending.balance(a.getId())).isEqualTo(820);

        // The older tab still shows the first preview; placing it books nothing and shows the new dates.
        Browser.ready(older).locator("#mp-place").click();
        assertThat(older.locator("[data-preview-changed]")).containsText("Not placed: the order changed since your preview");
        assertThat(older.locator("[data-preview-changed]")).containsText("Nothing was charged");
        String renewedEnd = clock.today().plusDays(20).plusMonths(12).toString();
        assertThat(older.locator("[data-preview-changed] li")).containsText(unit + " FC247: was " + end + " to ");
        assertThat(older.locator("[data-preview-changed] li")).containsText("now " + renewedEnd + " to ");
        assertThat(older.locator("#mp-summary")).containsText("continues the current contract from " + renewedEnd);
        Browser.screenshot(older, "marketplace-stale-tab");
        assertThat(spending.balance(a.getId())).isEqualTo(820);
        assertThat(jdbc.queryForObject("select count(*) from orders where account_id = ?", Integer.class, a.getId())).isEqualTo(1);

        // The new preview is what the user now sees: placing it is a second, deliberate year.
        Browser.ready(older).locator("#mp-place").click();
        assertThat(older.locator("h1")).containsText("Order FMP-");
        assertThat(spending.balance(a.getId())).isEqualTo(640);
        LedgerInvariants.assertHold(jdbc, a.getId());
    }
}
