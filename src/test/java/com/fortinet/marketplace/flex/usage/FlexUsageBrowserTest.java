package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexPoints;
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
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Bob watches Globex's usage today: moving an entitlement to a larger configuration raises today's provisional figure. */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlexUsageBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired FlexUsageService usage;

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
    void bobSeesTodaysUsageRiseWhenHeMovesAnEntitlementToALargerConfiguration() {
        long globex = jdbc.queryForObject("select id from accounts where name = 'Globex'", Long.class);
        // The largest active FortiGate-VM configuration, and an ACTIVE VM charged less than it today.
        Map<String, Object> target = jdbc.queryForMap("""
                select id, name, points_per_day from flex_configs
                where account_id = ? and product_type_id = 1 and status = 'ACTIVE' order by points_per_day desc, id limit 1""",
                globex);
        FlexPoints targetRate = FlexPoints.of((java.math.BigDecimal) target.get("points_per_day"));
        List<UsageRow> today = usage.today(globex);
        UsageRow moving = today.stream()
                .filter(r -> r.points().compareTo(targetRate) < 0)
                .filter(r -> "ACTIVE".equals(jdbc.queryForObject("select status from flex_entitlements where id = ?",
                        String.class, r.entitlementId())))
                .filter(r -> jdbc.queryForObject("select product_type_id from flex_entitlements where id = ?", Integer.class,
                        r.entitlementId()) == 1)
                .findFirst().orElseThrow(() -> new AssertionError("Globex has an ACTIVE FortiGate-VM on a smaller configuration"));
        FlexPoints before = FlexUsageService.total(today);
        FlexPoints expected = before.minus(moving.points()).plus(targetRate);

        Page page = browser.signIn("bob@globex.demo.test");
        Browser.go(page, "/accounts/" + globex + "/flex");
        assertThat(page.locator("#flex-today")).hasText(before.display());
        assertThat(page.locator("#flex-usage-by-entitlement")).containsText(moving.serialNumber());
        Browser.screenshot(page, "flex-usage-globex");

        Browser.go(page, "/accounts/" + globex + "/flex/entitlements/" + moving.serialNumber());
        page.getByLabel("Configuration").selectOption(String.valueOf(target.get("id")));
        Browser.ready(page).getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
        assertThat(page.locator(".alert-success")).hasText("Entitlement " + moving.serialNumber() + " saved.");

        Browser.go(page, "/accounts/" + globex + "/flex");
        assertThat(page.locator("#flex-today")).hasText(expected.display());
        assertThat(expected.compareTo(before)).as("today's usage rose").isPositive();
        Browser.screenshot(page, "flex-usage-globex-after-move");
    }
}
