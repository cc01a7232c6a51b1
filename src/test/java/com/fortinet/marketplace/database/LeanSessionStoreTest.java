package com.fortinet.marketplace.database;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions in the database without a write per page view (issue 13): viewing pages leaves the session row as it was,
 * while what a request changes (signing in, switching the acting account, signing out) is in the database at once,
 * for every instance to see. The principal index still finds a user's sessions.
 */
@PortalTest
class LeanSessionStoreTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountRepository accounts;
    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Test
    void viewingPagesWritesNothingButChangesAreStoredAtOnce() {
        java.util.Set<String> before = java.util.Set.copyOf(sessions.findByPrincipalName("pat@partner.demo.test").keySet());
        WebSession pat = WebSession.signedIn(port, "pat@partner.demo.test");
        List<String> ids = sessions.findByPrincipalName("pat@partner.demo.test").keySet().stream()
                .filter(id -> !before.contains(id)).toList();
        assertThat(ids).hasSize(1);
        String row = jdbc.queryForObject("select primary_id from SPRING_SESSION where session_id = ?", String.class,
                ids.get(0));
        assertThat(pat.get("/partner/customers").status()).isEqualTo(200);
        Long touched = lastAccess(row);

        for (String path : List.of("/partner/customers", "/partner/customers", "/profile")) {
            assertThat(pat.get(path).status()).isEqualTo(200);
        }
        assertThat(lastAccess(row)).as("page views within a minute leave the row alone").isEqualTo(touched);

        // acting for a managed customer is a change of the session: stored with the request that made it
        long globex = accounts.findAllByOrderByName().stream().filter(a -> a.getName().equals("Globex")).findFirst()
                .orElseThrow().getId();
        assertThat(pat.get("/accounts/" + globex + "/points").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION_ATTRIBUTES where session_primary_id = ?"
                + " and attribute_name = 'currentAccountId'", Long.class, row)).isEqualTo(1);

        // and another instance reading the database sees the same session: still signed in, same acting account
        WebSession.Page again = pat.get("/partner/customers");
        assertThat(again.status()).isEqualTo(200);

        // signing out deletes it from the database
        assertThat(pat.post("/logout", java.util.Map.of()).status()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from SPRING_SESSION where primary_id = ?", Long.class, row))
                .isZero();
        assertThat(pat.get("/partner/customers").status()).isEqualTo(302);
    }

    private Long lastAccess(String primaryId) {
        return jdbc.queryForObject("select last_access_time from SPRING_SESSION where primary_id = ?", Long.class, primaryId);
    }
}
