package com.fortinet.marketplace.web;

import com.fortinet.marketplace.support.Browser;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Locator;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Home pages, navigation, the 403 page, time zone, favicon and CSP, and phones — on the demo data, read only. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DailyUseBrowserTest {

    @LocalServerPort int port;
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

    long account(String name) {
        return jdbc.queryForObject("select id from accounts where name = ?", Long.class, name);
    }

    /** The home-page card whose title starts with {@code title}. */
    Locator card(Page page, String title) {
        return page.locator("[data-cards] a[data-card^='" + title + "']");
    }

    @Test
    void theCustomerHomeShowsBalanceExpiringPointsUnitsAndFortiFlexWithLinks() {
        Page page = browser.signIn("alice@acme.demo.test");
        long acme = account("Acme");
        assertThat(page).hasURL(Pattern.compile("/accounts/" + acme + "$"));
        assertThat(card(page, "FortiPoints balance").locator(".summary-value")).hasText(Pattern.compile("^\\d{1,3}(,\\d{3})+$"));
        assertThat(card(page, "Points expiring within 90 days")).containsText("The first expire on");
        assertThat(card(page, "Units lapsed or in grace")).containsText("lapsed over 10 days ago");
        assertThat(card(page, "Units expiring within 30 days")).isVisible();
        assertThat(card(page, "FortiFlex")).containsText("no FortiFlex program");
        assertThat(card(page, "Last order")).containsText("FMP-");
        Browser.screenshot(page, "home-customer");
        card(page, "Units lapsed or in grace").click();
        assertThat(page).hasURL(Pattern.compile("/accounts/" + acme + "/units\\?expiry=EXPIRED$"));
        assertThat(page.getByLabel("Expiry")).hasValue("EXPIRED");

        Page bob = browser.signIn("bob@globex.demo.test");
        assertThat(card(bob, "FortiFlex points balance")).containsText("Prepaid program ELAVMR");
        card(bob, "FortiFlex points balance").click();
        assertThat(bob).hasTitle(Pattern.compile("^FortiFlex · Globex"));
    }

    @Test
    void staffAndAdminHomesShowFiguresAndTheNavigationNeverGrowsAccountLinks() {
        Page page = browser.signIn("staff@demo.test");
        assertThat(card(page, "Renewal rate")).containsText(" due");
        assertThat(card(page, "Due in ")).containsText("not ended yet");
        assertThat(card(page, "Marketplace orders")).containsText("points");
        Browser.screenshot(page, "home-staff");
        List<String> before = page.locator(".mainnav a").allTextContents();
        assertThat(before).containsExactly("Home", "Accounts", "RTS", "Transactions");

        Browser.go(page, "/accounts/" + account("Globex"));
        assertThat(page.locator(".mainnav a")).hasText(before.toArray(new String[0]));
        assertThat(page.getByLabel("Account", new Page.GetByLabelOptions().setExact(true)).getByRole(AriaRole.LINK))
                .hasText(new String[]{"Globex " + account("Globex"), "Points", "Units",
                        "Marketplace", "History", "FortiFlex"});
        assertThat(card(page, "FortiFlex points balance")).isVisible();
        Browser.screenshot(page, "staff-on-an-account");
        page.getByLabel("Account", new Page.GetByLabelOptions().setExact(true)).getByText("Units").click();
        assertThat(page).hasTitle(Pattern.compile("^Units · Globex"));
        Browser.go(page, "/rts");
        assertThat(page.locator(".mainnav a")).hasText(before.toArray(new String[0]));
        assertThat(page.locator(".accountnav")).hasCount(0);

        Page admin = browser.signIn("admin@demo.test");
        assertThat(card(admin, "Accounts")).isVisible();
        assertThat(card(admin, "Users")).isVisible();
        card(admin, "Units").click();
        assertThat(admin.locator("h1")).hasText("Installed base");
        Browser.go(admin, "/accounts/" + account("Acme"));
        assertThat(admin.locator(".mainnav a")).hasText(new String[]{"Home", "Accounts", "Admin"});
    }

    @Test
    void theForbiddenPageExplainsWhatFitsTheRole() {
        record Case(String email, String path, String reason, String not) {
        }
        for (Case c : List.of(
                new Case("alice@acme.demo.test", "/admin", "Administration and the Renewal Tracking System are for Fortinet staff", "Read-only"),
                new Case("ro@acme.demo.test", "/rts", "Your access is read-only", "As a partner"),
                new Case("pat@partner.demo.test", "/admin/users", "As a partner you work on your own account", "Read-only"),
                new Case("staff@demo.test", "/admin", "Renewals staff read every account", "Read-only"),
                new Case("admin@demo.test", "/rts", "the Renewal Tracking System is for renewals staff", "Read-only"))) {
            var r = WebSession.signedIn(port, c.email()).get(c.path());
            assertThat(r.status()).as(c.email()).isEqualTo(403);
            assertThat(r.body().replaceAll("\\s+", " ")).as(c.email()).contains(c.reason()).doesNotContain(c.not());
        }
    }

    @Test
    void mainPagesLogNoContentSecurityViolationsAndHaveAFavicon() {
        Page page = browser.signIn("alice@acme.demo.test");
        List<String> problems = new CopyOnWriteArrayList<>();
        page.onConsoleMessage((ConsoleMessage m) -> {
            if (m.type().equals("error") || m.type().equals("warning")) {
                problems.add(m.type() + ": " + m.text() + " @ " + page.url());
            }
        });
        page.onPageError(e -> problems.add("page error: " + e));
        long acme = account("Acme");
        for (String path : List.of("/accounts/" + acme, "/accounts/" + acme + "/points", "/accounts/" + acme + "/points/ledger",
                "/accounts/" + acme + "/units", "/accounts/" + acme + "/orders", "/accounts/" + acme + "/flex", "/profile")) {
            Browser.go(page, path);
            page.waitForLoadState();
        }
        // Marketplace: order-type changes swap the options panel (htmx) — no inline style may be applied.
        Browser.go(page, "/accounts/" + acme + "/marketplace");
        page.locator("#mp-units input[name=serial]").first().check();
        assertThat(page.locator("#mp-summary")).containsText("1 unit selected");
        for (String type : List.of("COTERM", "UPGRADE", "RENEW")) {
            Browser.ready(page).locator("#type-" + type).check();
            assertThat(page.locator("#type-" + type)).isFocused();
            assertThat(page.locator("#mp-summary")).containsText("1 unit selected");
        }
        Page staff = browser.signIn("staff@demo.test");
        staff.onConsoleMessage(m -> {
            if (m.type().equals("error") || m.type().equals("warning")) {
                problems.add(m.type() + ": " + m.text() + " @ " + staff.url());
            }
        });
        for (String path : List.of("/", "/rts", "/rts/contracts?status=EXPIRED", "/rts/transactions")) {
            Browser.go(staff, path);
            staff.waitForLoadState();
        }
        assertThat(problems).isEmpty();

        var favicon = page.request().get("/favicon.ico");
        assertThat(favicon.status()).isEqualTo(200);
        assertThat(favicon.headers().get("content-type")).contains("icon");
        assertThat(favicon.body().length).isGreaterThan(100);
    }

    @Test
    void timesAreShownInOneTimeZoneEverywhere() {
        Page page = browser.signIn("alice@acme.demo.test");
        assertThat(page.locator(".footer")).containsText("Dates and times are in Pacific time (PST/PDT)");
        Browser.go(page, "/profile");
        page.getByLabel("Key name").fill("time zone check");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
        assertThat(page.locator("table").last()).containsText(Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d P[SD]T"));
        assertThat(page.locator("main")).not().containsText("UTC");

        Page admin = browser.signIn("admin@demo.test");
        Browser.go(admin, "/admin/registration-codes");
        assertThat(admin.locator("main")).not().containsText("UTC");
    }

    @Test
    void onAPhoneTheMainPagesFitTheScreenAndTheNavigationIsAMenu() {
        Page page = browser.signIn(browser.newPage(390, 844), "alice@acme.demo.test", "demo");
        long acme = account("Acme");
        // the navigation folds into a menu
        assertThat(page.locator("h1")).hasText("Acme");
        assertThat(page.locator("#mainnav")).isHidden();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
        assertThat(page.locator("#mainnav")).isVisible();
        assertThat(page.locator("[data-nav-toggle]")).hasAttribute("aria-expanded", "true");
        Browser.screenshot(page, "phone-menu");
        page.locator("#mainnav").getByText("Units").click();
        assertThat(page).hasTitle(Pattern.compile("^Units · Acme"));
        assertFits(page);
        // every unit's coverage and status are on screen, without scrolling sideways
        Locator status = page.locator(".units-table .badge").first();
        status.scrollIntoViewIfNeeded();
        assertThat(status).isInViewport();
        assertThat(status.boundingBox().x + status.boundingBox().width).isLessThanOrEqualTo(390);
        Browser.screenshot(page, "phone-units");

        Browser.go(page, "/accounts/" + acme + "/marketplace?serial=FGT40FTK20010004");
        Locator end = page.locator("#mp-summary .preview-table td[data-label=End]").first();
        assertThat(end).isVisible();
        assertThat(end.boundingBox().x + end.boundingBox().width).isLessThanOrEqualTo(390);
        assertThat(page.locator("#mp-summary .preview-table td[data-label=Points]").first()).isVisible();
        assertFits(page);
        page.locator("#mp-summary").scrollIntoViewIfNeeded();
        Browser.screenshot(page, "phone-marketplace-preview");

        Browser.go(page, "/accounts/" + acme + "/orders");
        assertFits(page);
        Browser.screenshot(page, "phone-history");

        Page staff = browser.signIn(browser.newPage(390, 844), "staff@demo.test", "demo");
        Browser.go(staff, "/rts");
        assertFits(staff);
        Browser.screenshot(staff, "phone-rts");
    }

    private static void assertFits(Page page) {
        page.waitForLoadState();
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as("page width on " + page.url()).isLessThanOrEqualTo(390);
    }
}
