package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.points.PointPack;
import com.fortinet.marketplace.points.SpendingService;
import com.fortinet.marketplace.support.Browser;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.time.BusinessClock;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlexBrowserTest {

    @LocalServerPort int port;
    @Autowired FlexFixtures fixtures;
    @Autowired AccountRepository accounts;
    @Autowired SpendingService spending;
    @Autowired FlexLedger ledger;
    @Autowired BusinessClock clock;

    Browser browser;

    @BeforeAll
    void start() {
        // The machine is shared and busy: a live preview can take longer than Playwright's default 5 s to arrive.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    long accountId(String name) {
        return accounts.findAllByOrderByName().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow().getId();
    }

    /**
     * A customer previews (live, htmx) and confirms a transfer to their prepaid program. A fresh account and user,
     * not Globex: tests that spend must not change demo balances other tests read.
     */
    @Test
    void customerTransfersToPrepaid() {
        LocalDate today = clock.today();
        var c = fixtures.customer();
        PointPack later = fixtures.pack(c.accountId(), "FC-10-FPNTS-5K", today.minusDays(5));
        PointPack sooner = fixtures.pack(c.accountId(), "FC-10-FPNTS-1K", today.minusYears(2));
        FlexProgram program = fixtures.program(c.accountId(), FlexProgramType.PREPAID, today.minusDays(40), today.plusYears(3));
        Page page = browser.signIn(browser.newPage(), c.email(), c.password());
        page.getByLabel("Main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("FortiFlex")).click();
        assertThat(page.locator("h1")).hasText("FortiFlex");
        assertThat(page.locator(".flex-serial")).hasText(program.serialNumber());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Transfer FortiPoints")).click();
        assertThat(page.locator("h1")).containsText("Transfer");

        Browser.ready(page).getByLabel("FortiPoints to transfer").fill("1500");
        assertThat(page.locator("#preview-acquired")).hasText("1,500.00");
        assertThat(page.locator("#preview-allocations tbody tr")).hasCount(2);
        assertThat(page.locator("#preview-allocations tbody tr").first()).containsText(sooner.expiresAt().toString());
        assertThat(page.locator("#preview-allocations tbody tr").first()).containsText("1,000");
        assertThat(page.locator("#preview-allocations tbody tr").nth(1)).containsText("500");
        Browser.screenshot(page, "flex-transfer-preview");

        Browser.ready(page).getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Transfer 1,500 FortiPoints")).click();
        assertThat(page.locator("h1")).containsText("FortiFlex transfer #");
        assertThat(page.locator("#transfer-receipt")).containsText(program.serialNumber());
        assertThat(page.locator("#transfer-receipt")).containsText(program.startDate().plusYears(1).toString());
        assertThat(page.locator(".alert-success")).containsText("Transferred 1,500 FortiPoints");
        Browser.screenshot(page, "flex-transfer-done");

        assertThat(spending.balance(c.accountId())).isEqualTo(4500);
        assertThat(ledger.balance(program.id())).isEqualTo(FlexPoints.of(1500));
        assertThat(later.id()).isNotEqualTo(sooner.id());

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to FortiFlex")).click();
        assertThat(page.locator("#flex-ledger")).containsText("Transfer from FortiPoints");
        assertThat(page.locator("#flex-transfers")).containsText("1,500.00");
        Browser.screenshot(page, "flex-program-after-transfer");
    }

    @Test
    void invalidAmountIsExplainedNextToTheField() {
        LocalDate today = clock.today();
        var c = fixtures.customer();
        fixtures.pack(c.accountId(), "FC-10-FPNTS-1K", today.minusDays(5));
        fixtures.program(c.accountId(), FlexProgramType.PREPAID, today.minusDays(40), today.plusYears(3));
        Page page = browser.signIn(browser.newPage(), c.email(), c.password());
        Browser.go(page, "/accounts/" + c.accountId() + "/flex/transfer");
        page.getByLabel("FortiPoints to transfer").fill("1.5");
        assertThat(page.locator("#transfer-preview")).containsText("whole number");
        Browser.ready(page).getByLabel("FortiPoints to transfer").fill("2000");
        assertThat(page.locator("#transfer-preview")).containsText("1,000 more are needed");
        assertThat(page.locator("#transfer-preview")).containsText("Register points");
        Browser.screenshot(page, "flex-transfer-insufficient");
    }

    @Test
    void bobSeesGlobexPrepaidProgram() {
        Page page = browser.signIn("bob@globex.demo.test");
        page.navigate("/accounts/" + accountId("Globex") + "/flex");
        assertThat(page.locator(".flex-serial")).hasText("ELAVMR0000000101");
        assertThat(page.locator("main")).containsText("Prepaid (Enterprise)");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Transfer FortiPoints"))).isVisible();
        Browser.screenshot(page, "flex-program-globex");
    }

    /** Bob registers a FortiFlex points pack onto Globex's prepaid program from the FortiFlex page. */
    @Test
    void bobRegistersAFortiFlexPointsPack() {
        long globex = accountId("Globex");
        String code = fixtures.code("LIC-ELAVM-10K");
        Page page = browser.signIn("bob@globex.demo.test");
        Browser.go(page, "/accounts/" + globex + "/flex");
        String before = page.locator(".stat-primary .stat-value").textContent().strip();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register a FortiFlex points pack")).click();
        assertThat(page.locator("h1")).hasText("Register a FortiFlex points pack");

        // A FortiPoints code typed here is explained at the field.
        Browser.ready(page).getByLabel("Registration code").fill(fixtures.code("FC-10-FPNTS-1K"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(page.locator("#registrationCode-error")).containsText("for a FortiPoints pack, not FortiFlex points");
        Browser.screenshot(page, "flex-pack-wrong-kind");

        Browser.ready(page).getByLabel("Registration code").fill(code.toLowerCase());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register")).click();
        assertThat(page.locator("[data-registered]")).containsText("10,000.00 FortiFlex points");
        assertThat(page.locator("[data-registered]")).containsText("ELAVMR0000000101");
        Browser.screenshot(page, "flex-pack-registered");

        Browser.ready(page).getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View FortiFlex program")).click();
        assertThat(page.locator("#flex-ledger tbody tr").first()).containsText("FortiFlex points pack");
        assertThat(page.locator("#flex-ledger tbody tr").first()).containsText("+10,000.00");
        assertThat(page.locator("#flex-packs")).containsText("LIC-ELAVM-10K");
        assertThat(page.locator(".stat-primary .stat-value")).not().hasText(before);
        Browser.screenshot(page, "flex-program-with-pack");
    }

    @Test
    void postpaidAccountSeesWhyItCannotTransfer() {
        long initech = accountId("Initech");
        Page page = browser.signIn("pat@partner.demo.test");
        page.navigate("/accounts/" + initech);
        page.getByLabel("Main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("FortiFlex")).click();
        assertThat(page.locator(".flex-serial")).hasText("ELAVMS0000000102");
        assertThat(page.locator(".flex-refusal")).hasText("FortiPoints can only be transferred to a FortiFlex prepaid "
                + "(Enterprise) program; postpaid MSSP programs are billed monthly.");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Transfer FortiPoints"))).hasCount(0);
        Browser.screenshot(page, "flex-program-postpaid");

        page.navigate("/accounts/" + initech + "/flex/transfer");
        assertThat(page.locator(".flex-refusal")).hasText("FortiPoints can only be transferred to a FortiFlex prepaid "
                + "(Enterprise) program; postpaid MSSP programs are billed monthly.");
        assertThat(page.getByLabel("FortiPoints to transfer")).hasCount(0);
        Browser.screenshot(page, "flex-transfer-postpaid");
    }

    /** An admin extends a program by another term, is told about a bad date at the field, then ends it early. */
    @Test
    void adminExtendsCorrectsAndEndsAProgram() {
        LocalDate today = clock.today();
        var c = fixtures.customer();
        FlexProgram program = fixtures.program(c.accountId(), FlexProgramType.PREPAID, today.minusMonths(2), today.plusYears(1));
        Page page = browser.signIn("admin@demo.test");
        Browser.go(page, "/admin/flex-programs");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Manage " + program.serialNumber())).click();
        assertThat(page.locator("h1")).containsText(program.serialNumber());

        LocalDate extended = program.endDate().plusMonths(36);
        Browser.ready(page).getByLabel("Term").selectOption("36");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Extend")).click();
        assertThat(page.locator(".alert-success")).containsText("extended by 36 months: it now ends on " + extended);
        assertThat(page.locator("#program-dates")).containsText(extended.toString());
        assertThat(page.locator("#program-changes tbody tr").first()).containsText("Extended by 36 months");

        Browser.ready(page).getByLabel("End date", new Page.GetByLabelOptions().setExact(true)).fill(today.minusDays(1).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save dates")).click();
        assertThat(page.locator("#endDate-error")).containsText("can't end before today");
        Browser.screenshot(page, "flex-admin-program-date-error");

        Browser.ready(page).onceDialog(dialog -> dialog.accept());
        page.getByLabel("Ends on").fill(today.toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End program")).click();
        assertThat(page.locator(".alert-success")).containsText("it has ended");
        assertThat(page.locator("#program-dates")).containsText(today.toString());
        assertThat(page.locator("main")).containsText("Ended");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End program"))).hasCount(0);
        Browser.screenshot(page, "flex-admin-program-ended");

        Browser.go(page, "/admin/points-skus");
        assertThat(page.locator("[data-table=skus]")).containsText("LIC-ELAVM-10K");
        assertThat(page.locator("[data-table=skus]")).containsText("FortiFlex points");
        Browser.screenshot(page, "admin-sku-catalogue");
    }

    @Test
    void adminRegistersAProgram() {
        var c = fixtures.customer();
        Page page = browser.signIn("admin@demo.test");
        page.navigate("/admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("FortiFlex programs")).click();
        page.getByLabel("Account").selectOption(String.valueOf(c.accountId()));
        page.getByLabel("Type").selectOption("PREPAID");
        page.getByLabel("Start date").fill("2026-01-10");
        page.getByLabel("End date").fill("2029-01-10");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register program")).click();
        assertThat(page.locator(".alert-success")).containsText("registered for");
        // A second one for the same account is refused with the reason, next to the account field.
        page.getByLabel("Account").selectOption(String.valueOf(c.accountId()));
        page.getByLabel("Type").selectOption("POSTPAID");
        page.getByLabel("Start date").fill("2026-01-10");
        page.getByLabel("End date").fill("2029-01-10");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register program")).click();
        assertThat(page.locator("#accountId-error")).containsText("at most one FortiFlex program");
        Browser.screenshot(page, "flex-admin-second-refused");
    }
}
