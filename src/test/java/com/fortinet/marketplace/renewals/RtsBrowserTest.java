package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.support.Browser;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.time.BusinessClock;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Renewals staff explain a period from the RTS pages; a partner acts for a customer from the console. Demo data. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RtsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    BusinessClock clock;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    @Test
    void staffOpenTheSummaryFilterByPartnerDrillIntoExpiredAndExportCsv() throws Exception {
        Page page = browser.signIn("staff@demo.test");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("RTS").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Renewal Tracking System");
        assertThat(page.locator(".trend-chart")).isVisible();
        Browser.screenshot(page, "rts-summary");

        // The demo's lapsed units ended 30–47 days ago (Globex, Initech: Northwind's customers).
        LocalDate today = clock.today();
        page.getByLabel("From").fill(today.minusDays(60).toString());
        page.getByLabel("To").fill(today.toString());
        page.getByLabel("Partner").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Northwind Partners"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        page.waitForURL("**/rts?**partner=**");
        assertThat(page.getByLabel("Partner")).not().hasValue("");
        Browser.screenshot(page, "rts-partner");

        page.locator("a.stat", new Page.LocatorOptions().setHasText("Expired")).click();
        assertThat(page.locator("h1")).containsText("Expired contracts");
        assertThat(page.locator(".rts-contracts")).containsText("FGT60FTK20030003");
        assertThat(page.locator(".rts-contracts")).not().containsText("Acme");
        Browser.screenshot(page, "rts-expired");

        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export CSV")).click());
        String csv = Files.readString(download.path());
        assertThat(csv).startsWith("status,end_date,serial_number");
        assertThat(csv).contains("EXPIRED,").contains("FGT60FTK20030003").doesNotContain("Acme");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Transactions").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Transaction review");
        Browser.screenshot(page, "rts-transactions");
    }

    @Test
    void staffRecordAPoRenewal() {
        Page page = browser.signIn("staff@demo.test");
        LocalDate today = clock.today();
        page.navigate("/rts/contracts?status=IN_GRACE&from=" + today.minusDays(10) + "&to=" + today);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record PO renewal")).first().click();
        assertThat(page.locator("h1")).hasText("Record a renewal bought by purchase order");
        Browser.ready(page).getByLabel("PO number").fill("PO-BROWSER-1");
        Browser.screenshot(page, "rts-po-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record PO renewal")).click();
        assertThat(page.locator(".alert-success")).containsText("PO renewal recorded");
        assertThat(page.locator(".alert-success")).containsText("No points were charged");
        Browser.screenshot(page, "rts-po-recorded");
    }

    @Test
    void partnerActsForACustomerFromTheConsole() {
        Page page = browser.signIn("pat@partner.demo.test");
        assertThat(page.locator("h1")).hasText("Your customers");
        assertThat(page.locator(".console-table")).containsText("Globex");
        assertThat(page.locator(".console-table")).containsText("Initech");
        assertThat(page.locator(".console-table")).not().containsText("Acme");
        Browser.screenshot(page, "partner-console");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Units lapsed")).click();
        assertThat(page.locator("th[aria-sort]")).containsText("Units lapsed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Act as Globex")).click();
        assertThat(page.locator("h1")).hasText("Globex");
        assertThat(page.getByLabel("Acting on").locator("option:checked")).hasText("Globex");
        Browser.screenshot(page, "partner-acting-globex");

        page.navigate("/partner/customers");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Units of Initech")).click();
        page.waitForURL("**/accounts/*/units");
        assertThat(page.getByLabel("Acting on").locator("option:checked")).hasText("Initech");
        Browser.screenshot(page, "partner-initech-units");
    }
}
