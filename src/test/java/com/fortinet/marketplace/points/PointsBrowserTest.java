package com.fortinet.marketplace.points;

import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.security.ApiKeys;
import com.fortinet.marketplace.support.Browser;
import com.fortinet.marketplace.support.PortalTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointsBrowserTest {

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired UserService users;
    @Autowired ApiKeys keys;
    @Autowired RegistrationCodes codes;

    Browser browser;
    PointsFixtures fx;

    @BeforeAll
    void start() {
        browser = new Browser(port);
        fx = new PointsFixtures(accounts, users, keys, codes);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    Page signIn(PointsFixtures.Person p) {
        return browser.signIn(browser.newPage(), p.email(), "password123");
    }

    @Test
    void aCustomerRegistersACodeAndSeesTheDashboardUpdate() {
        var me = fx.customer();
        String code = fx.code("FC-10-FPNTS-10K");
        Page page = signIn(me);
        page.locator(".mainnav").getByText("Points").click();
        assertThat(page.locator("h1")).hasText("FortiPoints");
        assertThat(page.locator("[data-stat=balance]")).hasText("0");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register points")).click();
        assertThat(page.locator("h1")).containsText("Register");
        Browser.ready(page).getByLabel("Registration code").fill(code.toLowerCase().replace("-", " "));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();

        assertThat(page.locator("[data-registered]")).containsText("10,000 FortiPoints");
        assertThat(page.locator("[data-registered]")).containsText("FC-10-FPNTS-10K");
        assertThat(page.locator("[data-new-balance]")).hasText("10,000");
        Browser.screenshot(page, "points-registered");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View points dashboard")).click();
        assertThat(page.locator("[data-stat=balance]")).hasText("10,000");
        assertThat(page.locator("[data-stat=registered]")).hasText("10,000");
        assertThat(page.locator("[data-table=recent-packs]")).containsText("FC-10-FPNTS-10K");
        assertThat(page.locator("[data-table=packs]")).containsText("Active");
        Browser.screenshot(page, "points-dashboard-new-customer");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ledger")).click();
        assertThat(page.locator("[data-table=ledger] tbody tr")).hasCount(1);
        assertThat(page.locator("[data-table=ledger]")).containsText("Pack registered");
        assertThat(page.locator("[data-table=ledger]")).containsText("+10,000");
    }

    @Test
    void aSkuTypedAsACodeIsExplainedNextToTheField() {
        var me = fx.customer();
        Page page = signIn(me);
        Browser.go(page, "/accounts/" + me.accountId() + "/points/register");
        page.getByLabel("Registration code").fill("FC-10-FPNTS-5K");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(page.locator("#registrationCode-error")).hasText(
                "That is a SKU, not a registration code: enter the registration code from your Service Registration Document.");
        assertThat(page.getByLabel("Registration code")).hasValue("FC-10-FPNTS-5K");
        Browser.screenshot(page, "points-sku-instead-of-code");

        Browser.ready(page).getByLabel("Registration code").fill("K7QF-9MZD-3XWA-PT2H-8RCE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(page.locator("#registrationCode-error")).containsText("not known");
        Browser.go(page, "/accounts/" + me.accountId() + "/points");
        assertThat(page.locator("[data-stat=balance]")).hasText("0");
    }

    @Test
    void aPartnerRegistersACodeForAManagedCustomer() {
        long partnerAccount = fx.partnerAccount("Browser partner");
        long customer = fx.customerAccount("Browser customer");
        accounts.link(partnerAccount, customer);
        var pat = fx.user(partnerAccount, Role.PARTNER_USER, Permission.READ_WRITE);
        String code = fx.code("FC-10-FPNTS-5K");
        String customerName = accounts.get(customer).getName();

        Page page = signIn(pat);
        Browser.go(page, "/accounts/" + partnerAccount + "/points/register");
        page.getByLabel("Account").selectOption(String.valueOf(customer));
        page.getByLabel("Registration code").fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();

        assertThat(page.locator("[data-registered]")).containsText(customerName);
        assertThat(page.locator("[data-new-balance]")).hasText("5,000");
        Browser.screenshot(page, "points-partner-registered");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View points dashboard")).click();
        assertThat(page.locator("h1 + p")).containsText(customerName);
        assertThat(page.locator("[data-stat=balance]")).hasText("5,000");
        Browser.go(page, "/accounts/" + partnerAccount + "/points");
        assertThat(page.locator("[data-stat=balance]")).hasText("0");
    }

    @Test
    void theDemoDashboardShowsChartExpiriesAndNotices() {
        Page page = browser.signIn("alice@acme.demo.test");
        page.locator(".mainnav").getByText("Points").click();
        assertThat(page.locator(".points-chart svg")).isVisible();
        assertThat(page.locator(".chart-expiry").first()).isAttached();
        assertThat(page.locator("[data-notice]").first()).containsText("expire");
        assertThat(page.locator("[data-table=packs]")).containsText("Expired");
        assertThat(page.locator("[data-table=packs]")).containsText("Expiring soon");
        Browser.screenshot(page, "points-dashboard-acme");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ledger")).click();
        assertThat(page.locator("[data-table=ledger]")).containsText("Pack expired");
        Browser.screenshot(page, "points-ledger-acme");
    }

    @Test
    void aReadOnlyUserSeesPointsButCannotRegister() {
        Page page = browser.signIn("ro@acme.demo.test");
        page.locator(".mainnav").getByText("Points").click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register points"))).hasCount(0);
        Browser.go(page, page.url() + "/register");
        assertThat(page.locator(".alert-info")).containsText("read-only");
        assertThat(page.getByLabel("Registration code")).hasCount(0);
    }

    @Test
    void anAdminIssuesABatchAndDownloadsItAsCsv() throws Exception {
        Page page = browser.signIn("admin@demo.test");
        Browser.go(page, "/admin");
        page.getByText("Registration codes").first().click();
        page.getByLabel("Number of codes").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue codes")).click();
        assertThat(page.locator("#sku-error")).containsText("Choose the SKU");
        page.getByLabel("SKU").selectOption("FC-10-FPNTS-25K");

        page.getByLabel("Number of codes").fill("3");
        page.getByLabel("Note (optional)").fill("Browser test batch");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Issue codes")).click();
        assertThat(page.locator(".alert-success")).containsText("3 registration codes issued for FC-10-FPNTS-25K");
        assertThat(page.locator("[data-table=codes] tbody tr")).hasCount(3);
        assertThat(page.locator("[data-table=codes]")).containsText("Unused");
        Browser.screenshot(page, "points-admin-batch");

        var download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download CSV")).click());
        String csv = java.nio.file.Files.readString(download.path());
        org.assertj.core.api.Assertions.assertThat(csv.lines().count()).isEqualTo(4);
        org.assertj.core.api.Assertions.assertThat(csv).startsWith("registration_code,sku,points")
                .contains(page.locator("[data-table=codes] tbody tr td").first().textContent().trim());
    }

    @Test
    void anAdminMaintainsTheSkuCatalogue() {
        Page page = browser.signIn("admin@demo.test");
        Browser.go(page, "/admin/points-skus");
        assertThat(page.locator("[data-table=skus]")).containsText("FC-10-FPNTS-100K");
        page.getByLabel("SKU", new Page.GetByLabelOptions().setExact(true)).fill("FC-10-FPNTS-1K");
        page.getByLabel("Points per pack").fill("1000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add SKU")).click();
        assertThat(page.locator("#sku-error")).containsText("already exists");
        String sku = "FC-10-FPNTS-T" + (System.nanoTime() % 100000);
        page.getByLabel("SKU", new Page.GetByLabelOptions().setExact(true)).fill(sku.toLowerCase());
        page.getByLabel("Points per pack").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add SKU")).click();
        assertThat(page.locator("#points-error")).containsText("whole number");
        page.getByLabel("Points per pack").fill("2500");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add SKU")).click();
        assertThat(page.locator(".alert-success")).containsText(sku);
        assertThat(page.locator("[data-table=skus]")).containsText(sku);
        Browser.screenshot(page, "points-admin-skus");
        Browser.go(page, "/admin/outbox");
        assertThat(page.locator("h1")).hasText("Outbox");
        Browser.screenshot(page, "points-admin-outbox");
    }

    @Test
    void customersCannotOpenAdminPages() {
        Page page = browser.signIn("alice@acme.demo.test");
        var r = page.navigate("/admin/registration-codes");
        org.assertj.core.api.Assertions.assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void codeRegistrationWarnsBeforeTheLockThenSaysUntilWhenAndDisablesRegister() {
        var me = fx.customer();
        var api = new com.fortinet.marketplace.support.ApiClient(port, me.apiKey());
        for (int i = 0; i < RegistrationAttempts.MAX_FAILURES - 1; i++) {
            var r = api.post("/api/v1/accounts/" + me.accountId() + "/packs", java.util.Map.of("registrationCode", "K7QF-9MZD-3XWA-PT2H-8RC" + i));
            org.assertj.core.api.Assertions.assertThat(r.status()).isEqualTo(400);
        }
        Page page = signIn(me);
        Browser.go(page, "/accounts/" + me.accountId() + "/points/register");
        assertThat(page.locator("[data-attempts=warn]")).containsText("1 attempt left: after 10 failed attempts in 15 minutes, "
                + "registration is locked for 15 minutes.");
        page.getByLabel("Registration code").fill("K7QF-9MZD-3XWA-PT2H-8RCX");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(page.locator("[data-attempts=locked]")).containsText(java.util.regex.Pattern.compile(
                "Registration is locked until \\d\\d:\\d\\d P[SD]T; then check the code"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register"))).isDisabled();
        Browser.screenshot(page, "points-registration-locked");
        // still locked when the page is opened again
        Browser.go(page, "/accounts/" + me.accountId() + "/points/register");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register"))).isDisabled();
    }
}
