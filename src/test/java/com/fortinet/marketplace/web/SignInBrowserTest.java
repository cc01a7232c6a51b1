package com.fortinet.marketplace.web;

import com.fortinet.marketplace.support.Browser;
import com.fortinet.marketplace.support.PortalTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Each demo user signs in and lands on their home page with the navigation of their role. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBrowserTest {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "admin@demo.test       | Admin     | Back office",
            "staff@demo.test       | Accounts  | Renewals desk",
            "alice@acme.demo.test  | Home      | Acme",
            "ro@acme.demo.test     | Home      | Acme",
            "bob@globex.demo.test  | Home      | Globex",
            "pat@partner.demo.test | Customers | Your customers",
    })
    void demoUserSeesTheirHome(String email, String navLink, String heading) {
        Page page = browser.signIn(email);
        assertThat(page.locator("h1").first()).containsText(heading);
        assertThat(page.locator(".mainnav")).containsText(navLink);
        List<String> links = page.locator(".mainnav a").allTextContents();
        if (!email.startsWith("admin")) {
            assertThat(links).doesNotContain("Admin");
        }
        Browser.screenshot(page, "home-" + email.substring(0, email.indexOf('@')));
    }

    @Test
    void wrongPasswordShowsAClearMessage() {
        Page page = browser.signIn(browser.newPage(), "alice@acme.demo.test", "not-her-password");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("E-mail or password is not correct");
        assertThat(page.getByLabel("E-mail")).hasValue("alice@acme.demo.test");
        Browser.screenshot(page, "login-error");
    }

    @Test
    void partnerSwitchesToAManagedAccountAndStaysOnTheSamePage() {
        Page page = browser.signIn("pat@partner.demo.test");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Globex")).first().click();
        assertThat(page.locator("h1")).hasText("Globex");
        Browser.ready(page).getByLabel("Acting on").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Initech"));
        // The switcher submits on change; the old URL already matches any /accounts/* pattern, so wait for the page.
        assertThat(page.locator("h1")).hasText("Initech",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(page.getByLabel("Acting on")).hasValue(page.url().substring(page.url().lastIndexOf('/') + 1));
        Browser.screenshot(page, "partner-switched");
        // Acme is not managed by this partner: it is not offered and its page does not exist for them
        assertThat(page.getByLabel("Acting on").locator("option")).not().containsText(new String[]{"Acme"});
    }

    @Test
    void adminCreatesAnAccountAndSeesErrorsNextToTheField() {
        Page page = browser.signIn("admin@demo.test");
        Browser.go(page, "/admin/accounts/new");
        page.getByLabel("Type").selectOption("CUSTOMER");
        page.getByLabel("Region").selectOption("LATAM");
        page.getByLabel("Name").fill("   ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#name-error")).hasText("Enter the account name.");
        Browser.screenshot(page, "admin-account-error");
        page.getByLabel("Name").fill("Umbrella Browser Test");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".alert-success")).containsText("Account Umbrella Browser Test created");
        assertThat(page.locator("table")).containsText("LATAM");
        Browser.screenshot(page, "admin-accounts");
    }

    @Test
    void phoneWidthKeepsTheLayoutUsable() {
        Page page = browser.signIn(browser.newPage(390, 844), "pat@partner.demo.test", "demo");
        assertThat(page.locator("h1")).hasText("Your customers");
        Browser.screenshot(page, "phone-partner-home");
    }

    @Test
    void apiDocumentationIsBrowsable() {
        Page page = browser.signIn("alice@acme.demo.test");
        // Swagger UI loads its scripts, then fetches and renders the whole OpenAPI document: at a load average of 40+
        // the page's load event alone took more than the default 15 s, so this page gets a longer ceiling.
        page.navigate("/api-docs", new Page.NavigateOptions().setTimeout(60_000));
        assertThat(page.getByText("FortiMarketplace API").first()).isVisible(
                new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(page.locator("body")).containsText("/api/v1/accounts");
        Browser.screenshot(page, "api-docs");
    }
}
