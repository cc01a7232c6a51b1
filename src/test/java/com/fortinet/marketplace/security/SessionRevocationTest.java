package com.fortinet.marketplace.security;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.User;
import com.fortinet.marketplace.flex.FlexProgramService;
import com.fortinet.marketplace.flex.FlexProgramType;
import com.fortinet.marketplace.orders.MarketFixtures;
import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 item 1 (DESIGN §9): disabling a user, an admin's password reset, the user's own password change, signing
 * out and a change of role, permission or account end the user's other sessions at once. Real HTTP sessions: the old
 * session is sent to sign in and what it posts (a FortiFlex transfer) writes nothing.
 */
@PortalTest
class SessionRevocationTest {

    @LocalServerPort int port;
    @Autowired MarketFixtures market;
    @Autowired FlexProgramService programs;
    @Autowired BusinessClock clock;
    @Autowired JdbcTemplate jdbc;

    Account account;
    User user;
    WebSession admin;

    @BeforeEach
    void anAccountWithPointsAndAPrepaidProgram() {
        account = market.customer("Sessions");
        market.points(account, "FC-10-FPNTS-10K");
        programs.create(account.getId(), FlexProgramType.PREPAID, null, clock.today().minusDays(10),
                clock.today().plusYears(1), null);
        user = market.user(account, Permission.READ_WRITE);
        admin = WebSession.signedIn(port, "admin@demo.test");
        admin.get("/admin/users");
    }

    private WebSession signIn() {
        WebSession s = WebSession.signedIn(port, user.getEmail(), MarketFixtures.PASSWORD);
        // The transfer page: the session now holds the CSRF token a later form post sends.
        assertThat(s.get(transferPage()).status()).isEqualTo(200);
        return s;
    }

    private String transferPage() {
        return "/accounts/" + account.getId() + "/flex/transfer";
    }

    private record Snapshot(long balance, long ledgerRows, long flexRows, long transfers) {
    }

    private Snapshot snapshot() {
        long id = account.getId();
        return new Snapshot(LedgerInvariants.spendableBalance(jdbc, id, clock.today()),
                jdbc.queryForObject("select count(*) from points_ledger where account_id = ?", Long.class, id),
                jdbc.queryForObject("select count(*) from flex_ledger l join flex_programs p on p.id = l.program_id "
                        + "where p.account_id = ?", Long.class, id),
                jdbc.queryForObject("select count(*) from flex_transfers where account_id = ?", Long.class, id));
    }

    /** The ended session loads no page, its htmx requests are told to go to sign-in, and its transfer writes nothing. */
    private void assertEnded(WebSession old) {
        Snapshot before = snapshot();
        var page = old.get("/accounts/" + account.getId());
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).contains("/login");
        var hx = old.getHx("/accounts/" + account.getId() + "/flex/transfer/preview?points=10");
        assertThat(hx.status()).isIn(401, 302);
        var transfer = old.post(transferPage(), Map.of("points", "100", "token", UUID.randomUUID().toString()));
        assertThat(transfer.status()).as(transfer.body()).isIn(302, 403);
        if (transfer.status() == 302) {
            assertThat(transfer.location()).contains("/login");
        }
        assertThat(snapshot()).as("nothing written by the ended session").isEqualTo(before);
        LedgerInvariants.assertHold(jdbc, account.getId());
    }

    private void assertAlive(WebSession s) {
        assertThat(s.get("/accounts/" + account.getId()).status()).isEqualTo(200);
    }

    @Test
    void disablingAUserEndsTheirSessionsAndKeys() {
        WebSession first = signIn();
        WebSession second = signIn();
        String key = market.apiKey(user);
        ApiClient api = new ApiClient(port, key);
        assertThat(api.get("/api/v1/accounts/" + account.getId() + "/points").status()).isEqualTo(200);
        WebSession bystander = WebSession.signedIn(port, "bob@globex.demo.test");

        var r = admin.post("/admin/users/" + user.getId() + "/enabled", Map.of("enabled", "false"));
        assertThat(r.status()).isEqualTo(302);

        assertEnded(first);
        assertEnded(second);
        var byKey = api.post("/api/v1/accounts/" + account.getId() + "/flex-transfers", Map.of("points", 5),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(byKey.status()).isEqualTo(401);
        assertThat(byKey.isProblem()).isTrue();
        assertThat(bystander.get("/accounts").status()).as("other users keep their sessions").isEqualTo(200);
        // Nor can the disabled user sign in again.
        assertThat(new WebSession(port).signIn(user.getEmail(), MarketFixtures.PASSWORD).location()).contains("error");
    }

    @Test
    void anAdminPasswordResetEndsEverySessionOfTheUser() {
        WebSession first = signIn();
        WebSession second = signIn();
        admin.get("/admin/users/" + user.getId() + "/password");
        var r = admin.post("/admin/users/" + user.getId() + "/password", Map.of("password", "reset-by-admin-1"));
        assertThat(r.status()).isEqualTo(302);
        assertEnded(first);
        assertEnded(second);
        assertAlive(WebSession.signedIn(port, user.getEmail(), "reset-by-admin-1"));
    }

    @Test
    void changingOnesOwnPasswordKeepsThisSessionAndEndsTheOthers() {
        WebSession here = signIn();
        WebSession elsewhere = signIn();
        here.get("/profile");
        var r = here.post("/profile/password", Map.of("currentPassword", MarketFixtures.PASSWORD,
                "newPassword", "changed-by-me-1", "confirmPassword", "changed-by-me-1"));
        assertThat(r.status()).isEqualTo(302);
        assertAlive(here);
        assertEnded(elsewhere);
        // The session that changed it still works for changes.
        here.get(transferPage());
        var transfer = here.post(transferPage(), Map.of("points", "10", "token", UUID.randomUUID().toString()));
        assertThat(transfer.status()).isEqualTo(302);
        assertThat(transfer.location()).contains("/flex/transfers/");
    }

    @Test
    void signingOutEndsTheUsersSessionsEverywhere() {
        WebSession here = signIn();
        WebSession elsewhere = signIn();
        var out = here.post("/logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).contains("/login?signedOut");
        assertEnded(elsewhere);
    }

    @Test
    void aChangeOfPermissionEndsTheSessionsThatCarryTheOldOne() {
        WebSession old = signIn();
        admin.get("/admin/users/" + user.getId() + "/edit");
        var r = admin.post("/admin/users/" + user.getId(), Map.of("displayName", "Now read-only",
                "role", "CUSTOMER_USER", "permission", "READ_ONLY", "accountId", String.valueOf(account.getId())));
        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertEnded(old);

        // Signed in again, the user has the new permission: a transfer is refused.
        WebSession fresh = WebSession.signedIn(port, user.getEmail(), MarketFixtures.PASSWORD);
        fresh.get(transferPage());
        Snapshot before = snapshot();
        var transfer = fresh.post(transferPage(), Map.of("points", "10", "token", UUID.randomUUID().toString()));
        assertThat(transfer.status()).isEqualTo(403);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void changingOnlyTheNameKeepsTheSessions() {
        WebSession s = signIn();
        admin.get("/admin/users/" + user.getId() + "/edit");
        var r = admin.post("/admin/users/" + user.getId(), Map.of("displayName", "Renamed",
                "role", "CUSTOMER_USER", "permission", "READ_WRITE", "accountId", String.valueOf(account.getId())));
        assertThat(r.status()).isEqualTo(302);
        assertAlive(s);
    }

    @Test
    void anEndedSessionLandsOnTheSignInPageSayingSo() {
        WebSession old = signIn();
        assertThat(admin.post("/admin/users/" + user.getId() + "/enabled", Map.of("enabled", "false")).status()).isEqualTo(302);
        var r = old.get("/accounts/" + account.getId());
        assertThat(r.location()).endsWith("/login?expired");
        assertThat(old.get("/login?expired").body()).contains("Your session has ended");
    }
}
