package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.User;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.StatementCounter;
import com.fortinet.marketplace.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: a marketplace fragment builds only its own part, and a preview reads the price list once, so what a
 * request costs in SQL statements does not grow with the units ticked (it was about 2 per line: 233 for 100 units).
 */
@PortalTest
class MarketplaceFragmentCostTest {

    @LocalServerPort int port;
    @Autowired MarketFixtures fx;
    @Autowired JdbcTemplate jdbc;

    @Test
    void fragmentsCostTheSameForOneUnitAndAHundred() {
        Account a = fx.customer("Fragment cost");
        User user = fx.user(a, Permission.READ_WRITE);
        fx.points(a, "FC-10-FPNTS-1K");
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            serials.add(fx.unit(a, "FGT60F", "Store " + i, 30 + i, "FC247", "UTP"));
        }
        WebSession s = WebSession.signedIn(port, user.getEmail(), MarketFixtures.PASSWORD);
        StatementCounter statements = new StatementCounter(jdbc);
        String base = "/accounts/" + a.getId() + "/marketplace";
        assertThat(s.get(base).status()).isEqualTo(200);
        String one = "&serial=" + serials.get(0);
        String all = serials.stream().map(x -> "&serial=" + x).collect(Collectors.joining());

        long page = statements.of(() -> s.get(base + "?type=RENEW" + all));
        for (String query : List.of("part=summary", "part=summary&type=COTERM", "part=summary&type=UPGRADE&service=FC247&newService=ENT",
                "part=units", "part=options")) {
            long forOne = statements.of(() -> s.getHx(base + "?" + query + one));
            long forAll = statements.of(() -> s.getHx(base + "?" + query + all));
            System.out.println("SQL statements for " + query + ": " + forOne + " with 1 unit, " + forAll + " with 100 units (page: " + page + ")");
            assertThat(forAll).as(query).isLessThanOrEqualTo(forOne);
            assertThat(forAll).as(query).isLessThan(page);
        }
    }
}
