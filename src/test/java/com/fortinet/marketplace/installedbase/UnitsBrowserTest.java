package com.fortinet.marketplace.installedbase;

import com.fortinet.marketplace.support.Browser;
import com.fortinet.marketplace.support.PortalTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitsBrowserTest {

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

    @Test
    void customerFiltersUnitsByExpiry() {
        Page page = browser.signIn("alice@acme.demo.test");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Units")).first().click();
        assertThat(page.locator("h1")).hasText("Units");
        assertThat(page.locator(".units-table")).containsText("FGT40FTK20010004");
        assertThat(page.locator(".unit-stats")).containsText("Lapsed");
        assertThat(page.locator(".unit-stats")).containsText("Expiring in 30 days");
        Browser.screenshot(page, "units-all");
        page.getByLabel("Expiry").selectOption("EXPIRED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.locator(".units-table")).containsText("Lapsed");
        assertThat(page.locator(".units-table")).not().containsText("FGT60FTK20010001");
        page.getByLabel("Serial number").fill("0004");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.locator(".units-table tbody tr")).hasCount(1);
        Browser.screenshot(page, "units-expired");
    }

    @Test
    void adminSeesInstalledBaseAndPriceList() {
        Page page = browser.signIn("admin@demo.test");
        page.navigate("/admin/units");
        assertThat(page.locator("h1")).hasText("Installed base");
        Browser.screenshot(page, "admin-units");
        page.navigate("/admin/price-list?model=FGT60F");
        assertThat(page.locator("table")).containsText("UTP");
        Browser.screenshot(page, "admin-price-list");
    }
}
