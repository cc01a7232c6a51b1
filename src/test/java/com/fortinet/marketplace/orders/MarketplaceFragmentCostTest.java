package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.User;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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

    long questions() {
        return Long.parseLong(jdbc.queryForMap("show global status like 'Questions'").get("Value").toString());
    }

    /**
     * Statements the server ran while {@code request} ran. The counter is the server's, so a scheduled job can add to
     * one try: the fewest of five is the request's own.
     */
    long statements(Supplier<WebSession.Page> request) {
        long overhead = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = questions();
            overhead = Math.min(overhead, questions() - before);
        }
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = questions();
            assertThat(request.get().status()).isEqualTo(200);
            fewest = Math.min(fewest, questions() - before - overhead);
        }
        return fewest;
    }

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
        String base = "/accounts/" + a.getId() + "/marketplace";
        assertThat(s.get(base).status()).isEqualTo(200);
        String one = "&serial=" + serials.get(0);
        String all = serials.stream().map(x -> "&serial=" + x).collect(Collectors.joining());

        long page = statements(() -> s.get(base + "?type=RENEW" + all));
        for (String query : List.of("part=summary", "part=summary&type=COTERM", "part=summary&type=UPGRADE&service=FC247&newService=ENT",
                "part=units", "part=options")) {
            long forOne = statements(() -> s.getHx(base + "?" + query + one));
            long forAll = statements(() -> s.getHx(base + "?" + query + all));
            System.out.println("SQL statements for " + query + ": " + forOne + " with 1 unit, " + forAll + " with 100 units (page: " + page + ")");
            assertThat(forAll).as(query).isLessThanOrEqualTo(forOne);
            assertThat(forAll).as(query).isLessThan(page);
        }
    }
}
