package com.fortinet.marketplace.flex.calculator;

import com.fortinet.marketplace.support.ApiClient;
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

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Bob prices a bill of materials for Globex in the points calculator and sees how long the balance lasts. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalculatorBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired BusinessClock clock;

    Browser browser;

    @BeforeAll
    void start() {
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    BigDecimal calc(int productTypeId, List<Map<String, Object>> parameters, int count) {
        var r = new ApiClient(port, "demo-bob").post("/api/v1/flex/calc", Map.of("productTypeId", productTypeId,
                "parameters", parameters, "count", count));
        return r.json().get("totalPoints").decimalValue();
    }

    static BigDecimal number(String text) {
        return new BigDecimal(text.replace(",", "").strip());
    }

    @Test
    void bobPricesABillOfMaterialsAndSeesTheRunway() {
        long globex = jdbc.queryForObject("select id from accounts where name = 'Globex'", Long.class);
        Page page = browser.signIn("bob@globex.demo.test");
        Browser.go(page, "/accounts/" + globex + "/flex");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Calculator")).click();
        assertThat(page.locator("h1")).hasText("Points calculator");
        Browser.ready(page);
        assertThat(page.locator("#total-day")).hasText("6.39");

        // three FortiGate-VMs of FortiFlex's example configuration
        page.locator("#l0_count").fill("3");
        page.locator("#l0_count").press("Tab");
        Browser.ready(page);
        assertThat(page.locator("#l0_day")).hasText("19.17");

        // and two FortiAnalyzer-VMs of 50 GB a day
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a line")).click();
        Browser.ready(page);
        assertThat(page.locator("#line-1")).containsText("Choose a product type to price this line.");
        page.locator("#l1_type").selectOption("7");
        Browser.ready(page);
        page.locator("#l1_p21").fill("50");
        page.locator("#l1_p21").press("Tab"); // each change re-prices the bill: wait for it before the next input
        Browser.ready(page);
        page.locator("#l1_count").fill("2");
        page.locator("#l1_count").press("Tab");
        Browser.ready(page);

        BigDecimal expected = new BigDecimal("19.17").add(calc(7, List.of(Map.of("id", 21, "value", "50")), 2));
        assertThat(page.locator("#total-day")).hasText(String.format("%,.2f", expected));
        assertThat(page.locator("#total-month")).hasText(String.format("%,.2f", expected.multiply(BigDecimal.valueOf(30))));
        // the runway is the balance shown, in whole days at that cost
        BigDecimal balance = number(page.locator("#calc-balance").textContent());
        long days = balance.divide(expected, 0, RoundingMode.DOWN).longValueExact();
        assertThat(page.locator("#runway-days")).hasText(String.format("%,d days", days));
        assertThat(page.locator("#calc-runway")).containsText("runs out on " + clock.today().plusDays(days));
        Browser.screenshot(page, "flex-calculator-bom");

        // a mistake is explained next to its field, and that line is left out of the totals
        page.locator("#l0_p1").fill("200");
        page.locator("#l0_p1").press("Tab");
        Browser.ready(page);
        assertThat(page.locator("#l0_p1-error")).containsText("96");
        assertThat(page.locator("#total-day")).hasText(String.format("%,.2f", expected.subtract(new BigDecimal("19.17"))));
        Browser.screenshot(page, "flex-calculator-mistake");

        // removing the line takes it out
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove line 1")).click();
        Browser.ready(page);
        assertThat(page.locator("#l0_type")).hasCount(0);
        assertThat(page.locator("#calc-body")).not().containsText("Line 2");
    }
}
