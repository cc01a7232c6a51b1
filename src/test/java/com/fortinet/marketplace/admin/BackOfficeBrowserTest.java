package com.fortinet.marketplace.admin;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.User;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.installedbase.InstalledBaseService;
import com.fortinet.marketplace.installedbase.NewUnit;
import com.fortinet.marketplace.support.Browser;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** What admins and renewals staff do in the back office: users, units, partner links, RTS exports. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackOfficeBrowserTest {

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired UserService users;
    @Autowired InstalledBaseService installedBase;
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

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void aNumberThatDoesntConvertIsShownAgainAtItsField() {
        Page page = browser.signIn("admin@demo.test");
        Browser.go(page, "/admin/price-list");
        var form = page.locator("form.form:has(#points)");
        form.evaluate("f => f.noValidate = true");
        page.locator("#model").fill("FGT60F");
        page.locator("#service").fill("FC247");
        // A whole number to the browser, too big for the points: the server's conversion refuses it, not its checks.
        page.locator("#points").fill("99999999999999999999");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save price")).click();
        assertThat(page.locator("#points-error")).hasText("Enter a whole number.");
        assertThat(page.locator(".field.has-error")).hasCount(1);
        assertThat(page.locator("#points")).hasValue("99999999999999999999");
        assertThat(page.locator("#model")).hasValue("FGT60F");
        Browser.screenshot(page, "admin-price-form-typed-error");
    }

    @Test
    void aRefusedFormShowsEveryMessageAtItsField() {
        Page page = browser.signIn("admin@demo.test");
        Browser.go(page, "/admin/users/new");
        // The server's checks, not the browser's: scripts and old browsers send what the page would refuse.
        page.locator("form.form").evaluate("f => f.noValidate = true");
        page.getByLabel("E-mail").fill("casey@");
        page.getByLabel("Initial password").fill("short");
        page.getByLabel("Role").selectOption("CUSTOMER_USER");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create user")).click();
        assertThat(page.locator("#email-error")).containsText("valid e-mail");
        assertThat(page.locator("#password-error")).containsText("at least 8");
        assertThat(page.locator("#accountId-error")).containsText("need an account");
        assertThat(page.locator(".field.has-error")).hasCount(3);
        assertThat(page.getByLabel("E-mail")).hasValue("casey@");
        Browser.screenshot(page, "admin-user-form-errors");
    }

    @Test
    void anAdminChangesAUsersRoleAccessAndAccount() {
        Account customer = accounts.create("Back office customer " + suffix(), AccountType.CUSTOMER, Region.AMER);
        Account partner = accounts.create("Back office partner " + suffix(), AccountType.PARTNER, Region.EMEA);
        String email = "bo-" + suffix().toLowerCase() + "@example.test";
        User u = users.create(new UserService.NewUser(email, "Casey", "password-123", Role.CUSTOMER_USER, Permission.READ_WRITE,
                customer.getId()));

        Page page = browser.signIn("admin@demo.test");
        Browser.go(page, "/admin/users?q=" + email);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit")).click();
        assertThat(page.locator("h1")).hasText("Edit " + email);
        // a partner user can't belong to a customer account: said at the field, nothing saved
        page.getByLabel("Role").selectOption("PARTNER_USER");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#accountId-error")).containsText("Partner users belong to a partner account");
        assertThat(users.get(u.getId()).getRole()).isEqualTo(Role.CUSTOMER_USER);

        page.getByLabel("Account (customer and partner users)").selectOption(String.valueOf(partner.getId()));
        page.getByLabel("Access").selectOption("READ_ONLY");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".alert-success")).containsText("is now partner user, read only on " + partner.getName());
        assertThat(page.locator("table")).containsText("Partner user");
        assertThat(page.locator("table")).containsText("Read only");
        Browser.screenshot(page, "admin-user-edited");
        User changed = users.get(u.getId());
        assertThat(changed.getRole()).isEqualTo(Role.PARTNER_USER);
        assertThat(changed.getPermission()).isEqualTo(Permission.READ_ONLY);
        assertThat(changed.getAccountId()).isEqualTo(partner.getId());
        // the user signs in with the new role
        var session = WebSession.signedIn(port, email, "password-123");
        assertThat(session.get("/partner/customers").status()).isEqualTo(200);

        // an admin can't demote themselves
        long self = jdbc.queryForObject("select id from users where email = 'admin@demo.test'", Long.class);
        Browser.go(page, "/admin/users/" + self + "/edit");
        page.getByLabel("Role").selectOption("RENEWALS_STAFF");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#role-error")).containsText("can't take the administrator role away from yourself");
        assertThat(users.get(self).getRole()).isEqualTo(Role.ADMIN);
    }

    @Test
    void anAdminFindsAndCorrectsAUnitAndTheFormFlagsEveryEmptyField() {
        Account a = accounts.create("Units back office " + suffix(), AccountType.CUSTOMER, Region.AMER);
        String serial = "FGT60FTK9" + suffix().substring(0, 7);
        installedBase.addUnit(a.getId(), new NewUnit(serial, "FGT60F", "FortiGate", "Old site", null,
                List.of(new NewUnit.NewService("FC247", LocalDate.now().minusMonths(6), LocalDate.now().plusMonths(6), null))));

        Page page = browser.signIn("admin@demo.test");
        Browser.go(page, "/admin/units");
        // all required fields empty: every one of them is flagged, not only the first
        page.getByLabel("Family").first().selectOption("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register unit")).click();
        assertThat(page.locator("#accountId-error")).containsText("Choose the account");
        assertThat(page.locator("#serialNumber-error")).containsText("Enter the serial number");
        assertThat(page.locator("#family-error")).containsText("Choose the product family");
        assertThat(page.locator("#model-error")).containsText("Enter the model");
        Browser.screenshot(page, "admin-unit-empty-form");

        page.getByLabel("Serial number, model, location or account").fill(a.getName());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page.locator("[data-table=admin-units] tbody tr")).hasCount(1);
        assertThat(page.locator("[data-table=admin-units]")).containsText(serial);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit " + serial)).click();
        assertThat(page.locator("h1")).hasText("Unit " + serial);
        page.getByLabel("Model").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#model-error")).containsText("Enter the model");
        page.getByLabel("Model").fill("FGT61F");
        page.getByLabel("Location (optional; needed for PRMA)").fill("New site, Lyon");
        page.getByLabel("End of support (optional)").fill("2029-06-30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".alert-success")).containsText("Unit " + serial + " of " + a.getName() + " saved.");
        assertThat(page.locator("[data-table=admin-units]")).containsText("New site, Lyon");
        assertThat(page.locator("[data-table=admin-units]")).containsText("2029-06-30");
        assertThat(jdbc.queryForObject("select model from units where serial_number = ?", String.class, serial)).isEqualTo("FGT61F");
        // the contracts stay as they were
        assertThat(jdbc.queryForObject("select count(*) from service_contracts c join units u on u.id = c.unit_id "
                + "where u.serial_number = ?", Integer.class, serial)).isOne();
        Browser.screenshot(page, "admin-units");
    }

    @Test
    void reAddingAnExistingPartnerLinkSaysItAlreadyExisted() {
        Account partner = accounts.create("Link partner " + suffix(), AccountType.PARTNER, Region.AMER);
        Account customer = accounts.create("Link customer " + suffix(), AccountType.CUSTOMER, Region.AMER);
        WebSession admin = WebSession.signedIn(port, "admin@demo.test");
        admin.get("/admin/partner-links");
        var first = admin.post("/admin/partner-links", Map.of("partnerId", String.valueOf(partner.getId()),
                "customerId", String.valueOf(customer.getId())));
        assertThat(first.status()).isEqualTo(302);
        assertThat(admin.get("/admin/partner-links").body()).contains(partner.getName() + " now manages " + customer.getName() + ".");
        var again = admin.post("/admin/partner-links", Map.of("partnerId", String.valueOf(partner.getId()),
                "customerId", String.valueOf(customer.getId())));
        assertThat(again.status()).isEqualTo(302);
        String page = admin.get("/admin/partner-links").body();
        assertThat(page).contains(partner.getName() + " already manages " + customer.getName() + "; nothing was changed.")
                .doesNotContain(" now manages ");
        assertThat(jdbc.queryForObject("select count(*) from partner_links where partner_account_id = ?", Integer.class,
                partner.getId())).isOne();
    }

    @Test
    void theRtsSummaryTablesExportAsCsvAndTransactionReviewSpeaksPlainly() {
        Page page = browser.signIn("staff@demo.test");
        Browser.go(page, "/rts?from=2026-01-01&to=2026-12-31");
        var channels = page.waitForDownload(() -> page.locator("a[href^='/rts/channels.csv']").click());
        String channelsCsv = readDownload(channels);
        assertThat(channelsCsv).startsWith("channel,renewed_contracts,renewed_points,share_of_rate_percent\r\n")
                .contains("\r\nFORTIPOINTS,").contains("\r\nPO,");
        var trend = page.waitForDownload(() -> page.locator("a[href^='/rts/trend.csv']").click());
        String trendCsv = readDownload(trend);
        assertThat(trendCsv).startsWith("month,due,renewed,renewed_points,expired,expired_points,in_grace,not_ended,renewal_rate_percent");
        assertThat(trendCsv.lines().count()).isEqualTo(13);
        assertThat(trendCsv).contains("\r\n2026-12,");
        // the table on the page and the file agree, month by month
        String firstMonth = trendCsv.lines().skip(1).findFirst().orElseThrow();
        String due = firstMonth.split(",")[1];
        assertThat(page.locator(".trend-table tbody tr").first().locator("td").nth(1)).hasText(due);

        Browser.go(page, "/rts/transactions");
        assertThat(page.locator("main table")).not().containsText("RENEW");
        assertThat(page.locator("main table")).containsText("Renewal");
        assertThat(page.getByLabel("Type")).containsText("Co-term");
        page.locator("main table tbody tr a.mono").first().click();
        assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Order FMP-\\d{4}-\\d{6} · "));
        assertThat(page.locator(".detail-list")).containsText("Completed");
        assertThat(page.locator(".detail-list")).not().containsText("COMPLETED");
        Browser.screenshot(page, "rts-transaction");
    }

    private static String readDownload(com.microsoft.playwright.Download d) {
        try {
            return java.nio.file.Files.readString(d.path());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
