package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.Browser;
import com.fortinet.marketplace.support.PortalTest;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** FortiFlex configurations and My Assets in Chromium: a customer, a partner for Globex, a read-only user. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlexAssetsBrowserTest {

    @LocalServerPort int port;
    @Autowired AssetFixtures fixtures;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    /** A VM using its license token (the activation API needs no API key). */
    private void vmActivates(String token) {
        var r = new ApiClient(port, null).post("/api/v1/flex/activate", Map.of("token", token));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    /**
     * Creates a FortiGate-VM 2 CPU ENT configuration through the form (the points/day follow the inputs live), three VM
     * entitlements, lets two VMs activate with their tokens, stops those two in bulk and exports the CSV.
     */
    private void configurationToExport(Page page, long accountId, String who) throws Exception {
        String name = "Branch VM " + who + " " + UUID.randomUUID().toString().substring(0, 4);
        Browser.go(page, "/accounts/" + accountId + "/flex");
        page.getByLabel("FortiFlex").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Configurations")).click();
        assertThat(page.locator("h1")).hasText("FortiFlex configurations");
        Browser.ready(page).getByRole(AriaRole.LINK, named("New configuration")).click();
        assertThat(page.locator("h1")).hasText("New FortiFlex configuration");
        Browser.ready(page).getByLabel("Name").fill(name);
        page.getByLabel("Product type").selectOption("1");
        assertThat(page.getByLabel("CPUs")).isVisible();
        Browser.ready(page).getByLabel("CPUs").fill("4");
        page.getByLabel("Service package").selectOption("ENT");
        assertThat(page.locator("#points-per-day")).hasText("12.91");
        Browser.ready(page).getByLabel("VDOMs").fill("60");
        assertThat(page.locator("#config-price")).containsText("VDOMs (parameter 10) is at most 50 when CPUs is 4, not 60.");
        Browser.screenshot(page, "flex-config-form-" + who + "-vdom-cap");
        Browser.ready(page).getByLabel("VDOMs").fill("0");
        page.getByLabel("CPUs").fill("2");
        assertThat(page.locator("#points-per-day")).hasText("6.39");
        Browser.screenshot(page, "flex-config-form-" + who);
        Browser.ready(page).getByRole(AriaRole.BUTTON, named("Create configuration")).click();

        assertThat(page.locator("h1")).hasText(name);
        assertThat(page.locator("#config-points")).hasText("6.39");
        assertThat(page.locator(".alert-success")).containsText("6.39 points per day");
        Browser.screenshot(page, "flex-config-page-" + who);

        Browser.ready(page).getByRole(AriaRole.LINK, named("New entitlements")).click();
        assertThat(page.locator("h1")).hasText("New FortiFlex entitlements");
        Browser.ready(page).getByLabel("How many").fill("3");
        page.getByRole(AriaRole.BUTTON, named("Create entitlements")).click();
        assertThat(page.locator("h1")).hasText("My Assets");
        assertThat(page.locator(".alert-success")).containsText("Created 3 entitlements");
        Locator rows = page.locator("#entitlements tbody tr");
        assertThat(rows).hasCount(3);
        assertThat(rows.first()).containsText("PENDING");
        assertThat(rows.first()).containsText("NOTUSED");
        Browser.screenshot(page, "flex-my-assets-created-" + who);

        String serial0 = rows.nth(0).locator("a.mono").innerText();
        String serial1 = rows.nth(1).locator("a.mono").innerText();
        vmActivates(rows.nth(0).locator(".flex-token").innerText());
        vmActivates(rows.nth(1).locator(".flex-token").innerText());
        Browser.go(page, page.url());
        assertThat(rows.nth(0)).containsText("ACTIVE");
        assertThat(rows.nth(0)).containsText("USED");

        page.locator("#sel-" + serial0).check();
        Browser.ready(page).locator("#sel-" + serial1).check();
        assertThat(page.locator("#selection-note")).containsText("2 selected");
        Browser.ready(page).getByRole(AriaRole.BUTTON, named("Stop")).click();
        assertThat(page.locator("h1")).hasText("Confirm: Stop 2 entitlements");
        assertThat(page.locator("#confirm-list tbody tr")).hasCount(2);
        Browser.screenshot(page, "flex-confirm-stop-" + who);
        Browser.ready(page).getByRole(AriaRole.BUTTON, named("Confirm: Stop")).click();
        assertThat(page.locator(".alert-success")).containsText("Stopped 2 entitlements");
        assertThat(page.locator("#entitlements")).containsText(serial0);
        assertThat(page.locator("#entitlements tr", new Page.LocatorOptions().setHasText(serial0))).containsText("STOPPED");
        assertThat(page.locator("#entitlements tr", new Page.LocatorOptions().setHasText(serial1))).containsText("STOPPED");
        Browser.screenshot(page, "flex-my-assets-stopped-" + who);

        Download download = page.waitForDownload(() -> Browser.ready(page).getByRole(AriaRole.LINK, named("Export CSV")).click());
        String csv = Files.readString(download.path());
        assertThat(csv).startsWith("serial_number,product_type_id,product_type,config_id,configuration,description,status,start_date,end_date,token,token_status");
        assertThat(csv).contains(serial0 + ",1,").contains("STOPPED").contains(",USED");
        assertThat(csv.lines().filter(l -> l.contains(name)).count()).isEqualTo(3);

        Browser.ready(page).getByRole(AriaRole.LINK, named(serial0)).click();
        assertThat(page.locator("#entitlement-events")).containsText("Stopped");
        assertThat(page.locator("#entitlement-events")).containsText("Activated with its token");
        assertThat(page.locator("#entitlement-events")).containsText("Created");
        Browser.screenshot(page, "flex-entitlement-page-" + who);
    }

    @Test
    void customerCreatesAConfigurationEntitlementsActivatesStopsAndExports() throws Exception {
        var c = fixtures.withProgram();
        Page page = browser.signIn(browser.newPage(), c.email(), c.password());
        configurationToExport(page, c.accountId(), "customer");

        // regenerating the token asks first; the old token is worthless afterwards
        String token = page.locator("#entitlement-token").innerText();
        Browser.ready(page).getByRole(AriaRole.LINK, named("Regenerate token")).click();
        assertThat(page.locator("h1")).hasText("Regenerate the license token");
        Browser.ready(page).getByRole(AriaRole.BUTTON, named("Confirm: Regenerate token")).click();
        assertThat(page.locator(".alert-success")).containsText("New token issued");
        assertThat(page.locator("#entitlement-token")).not().hasText(token);
        assertThat(page.locator("#token-status")).hasText("NOTUSED");
        assertThat(new ApiClient(port, null).post("/api/v1/flex/activate", Map.of("token", token)).status()).isEqualTo(404);
    }

    @Test
    void partnerDoesTheSameForGlobexAndIsNotOfferedAMixedSelection() throws Exception {
        long globex = fixtures.globex();
        Page page = browser.signIn("pat@partner.demo.test");
        configurationToExport(page, globex, "partner");

        Browser.go(page, "/accounts/" + globex + "/flex/entitlements");
        Locator fgt = page.locator("#entitlements input[data-product-type='1']:not([disabled])").first();
        Locator faz = page.locator("#entitlements input[data-product-type='7']").first();
        fgt.check();
        assertThat(faz).isDisabled();
        assertThat(page.locator("#selection-note")).containsText("Other product types can’t be added");
        Browser.screenshot(page, "flex-my-assets-one-type-partner");
    }

    @Test
    void readOnlyUserSeesMaskedTokensAndNoButtons() {
        long globex = fixtures.globex();
        var ro = fixtures.user(globex, Permission.READ_ONLY, "ro-globex");
        Page page = browser.signIn(browser.newPage(), ro.email(), ro.password());
        Browser.go(page, "/accounts/" + globex + "/flex/entitlements?productTypeId=1");
        assertThat(page.locator("h1")).hasText("My Assets");
        assertThat(page.locator("#entitlements tbody tr").first()).isVisible();
        assertThat(page.locator("input[name=serial]")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Stop"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, named("New entitlements"))).hasCount(0);
        List<String> tokens = page.locator(".flex-token").allInnerTexts();
        assertThat(tokens).isNotEmpty().allSatisfy(t -> assertThat(t).startsWith("••••-").hasSize(9));
        Browser.screenshot(page, "flex-my-assets-read-only");

        page.locator("#entitlements tbody tr a.mono").first().click();
        assertThat(page.locator("#entitlement-token")).containsText("••••-");
        assertThat(page.getByRole(AriaRole.LINK, named("Regenerate token"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, named("Save changes"))).hasCount(0);
        Browser.screenshot(page, "flex-entitlement-read-only");

        Browser.go(page, "/accounts/" + globex + "/flex/configs");
        assertThat(page.getByRole(AriaRole.LINK, named("New configuration"))).hasCount(0);
        page.getByRole(AriaRole.LINK, named("Branch FortiGate-VM 2 CPU ENT")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Disable"))).hasCount(0);
        assertThat(page.locator("#config-form")).hasCount(0);
        Browser.screenshot(page, "flex-config-read-only");
    }

    @Test
    void unitsPageShowsTheFortiFlexHardwareEntitlement() {
        long globex = fixtures.globex();
        Page page = browser.signIn("bob@globex.demo.test");
        Browser.go(page, "/accounts/" + globex + "/units?family=FortiGate");
        assertThat(page.locator(".units-table thead")).containsText("FortiFlex");
        assertThat(page.locator(".units-table tr", new Page.LocatorOptions().setHasText("FGT100FTK2003002"))).containsText("ACTIVE");
        assertThat(page.locator(".units-table tr", new Page.LocatorOptions().setHasText("FGT100FTK2003008"))).containsText("REMOVED");
        Browser.screenshot(page, "flex-units-column");
        page.locator(".units-table tr", new Page.LocatorOptions().setHasText("FGT100FTK2003002")).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("ACTIVE")).click();
        assertThat(page.locator("h1")).hasText("FGT100FTK2003002");
        assertThat(page.locator("#entitlement-facts")).containsText("FortiGate FGT100F");
    }

    @Test
    void adminSeesTheCatalogueAndImportsRatesWithPerLineErrors() {
        Page page = browser.signIn("admin@demo.test");
        Browser.go(page, "/admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("FortiFlex catalogue")).click();
        assertThat(page.locator("#type-1")).containsText("VDOMs");
        assertThat(page.locator("#type-1")).containsText("CPUs ≥ 8");
        assertThat(page.locator("#type-101")).containsText("FGT60F");
        Browser.screenshot(page, "flex-admin-catalogue");

        Browser.go(page, "/admin/flex-rates?productTypeId=1");
        assertThat(page.locator("#flex-rate-grid td[data-cell='2/ENT']")).hasText("6.39");
        assertThat(page.locator("#flex-rate-grid td[data-cell='4/ENT']")).hasText("12.91");
        assertThat(page.locator("#flex-rate-grid td[data-cell='3/ENT']")).hasText("9.66*");
        assertThat(page.locator("#flex-rates")).containsText("FortiGuard services FGTAVDB");
        Browser.screenshot(page, "flex-admin-rates");
        page.getByLabel("…or paste the rows").fill("product_type_id,kind,conditions,per_parameter_id,points_per_day\n"
                + "1,BASE,1=2;2=ENT,,6.39\n1,BASE,1=97;2=ENT,,9\n1,ADD,,10,0.1234\n");
        page.getByRole(AriaRole.BUTTON, named("Import")).click();
        assertThat(page.locator(".alert-error")).containsText("Nothing was imported");
        assertThat(page.locator(".alert-error")).containsText("Line 3: CPUs (parameter 1) must be a whole number from 1–96, not 97.");
        assertThat(page.locator(".alert-error")).containsText("Line 4: Points per day have at most two decimals");
        Browser.screenshot(page, "flex-admin-rates-import-errors");
    }
}
