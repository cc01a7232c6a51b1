package com.fortinet.marketplace.layout;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.StatementCounter;
import com.fortinet.marketplace.support.WebSession;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.Map;


/**
 * What the main pages cost in SQL statements, signed in (issue 13): the session is looked up without a transaction
 * around its one SELECT, the account the URL names is read once for the layout and the page, and the FortiFlex program
 * page reads its usage once for all its figures, History its transfers in one query (it read them one by one). Every
 * page's count is bounded whatever its rows (History's page holds two transfers of Globex's demo data). The budgets are the counts when they were set; a page over its budget
 * reads something twice, or opens a transaction it doesn't need (three more round trips each). Statements are counted,
 * not timed, so this fails on a change, never on a slow machine.
 */
@PortalTest
class PageStatementsTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired AccountRepository accounts;

    @Test
    void mainPagesStayWithinTheirStatementBudgets() {
        long globex = accounts.findAllByOrderByName().stream().filter(a -> a.getName().equals("Globex")).findFirst()
                .orElseThrow().getId();
        String g = "/accounts/" + globex;
        Map<String, Integer> customer = new LinkedHashMap<>();
        customer.put(g + "/points", 9);
        customer.put(g + "/units", 10);
        customer.put(g + "/marketplace", 6);
        customer.put(g + "/orders", 7);
        customer.put(g + "/flex", 20);
        StatementCounter statements = new StatementCounter(jdbc);
        SoftAssertions softly = new SoftAssertions();
        WebSession bob = WebSession.signedIn(port, "bob@globex.demo.test");
        customer.forEach((path, budget) -> within(softly, statements, bob, path, budget));
        within(softly, statements, WebSession.signedIn(port, "pat@partner.demo.test"), "/partner/customers", 8);
        within(softly, statements, WebSession.signedIn(port, "staff@demo.test"), "/rts", 5);
        softly.assertAll();
    }

    private static void within(SoftAssertions softly, StatementCounter statements, WebSession session, String path, int budget) {
        long n = statements.of(() -> session.get(path));
        System.out.println("SQL statements for " + path + ": " + n + " (budget " + budget + ")");
        softly.assertThat(n).as(path).isLessThanOrEqualTo(budget);
    }
}
