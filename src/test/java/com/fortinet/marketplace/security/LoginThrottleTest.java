package com.fortinet.marketplace.security;

import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.UserRepository;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import com.fortinet.marketplace.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 item 6: throttles that can't be turned against users. Clients come from addresses of their own through
 * X-Forwarded-For (the test profile trusts the local proxy, as README's proxy settings do).
 */
@PortalTest
class LoginThrottleTest {

    private static final AtomicInteger NEXT = new AtomicInteger(10);

    @LocalServerPort int port;
    @Autowired UserService users;
    @Autowired UserRepository userRepository;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A documentation address (RFC 5737) no other test uses. */
    private static String address() {
        int n = NEXT.getAndIncrement();
        return "203.0.113." + (n % 250);
    }

    private WebSession from(String address) {
        return new WebSession(port).withHeader("X-Forwarded-For", address);
    }

    @Test
    void anAttackerCannotLockTheAdminOut() {
        String attacker = address();
        for (int i = 1; i <= 12; i++) {
            from(attacker).signIn("admin@demo.test", "guess-" + i);
        }
        var attackerNow = from(attacker).signIn("admin@demo.test", "demo");
        assertThat(attackerNow.location()).as("the attacker's address is locked, even with the right password")
                .endsWith("/login?error=locked");

        WebSession admin = from("198.51.100.20");
        var signedIn = admin.signIn("admin@demo.test", "demo");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");
        assertThat(admin.get("/admin/users").status()).isEqualTo(200);
    }

    @Test
    void fiveFailuresLockTheEmailFromThatAddressOnly() {
        String email = newUser("right-password-1");
        String here = address();
        for (int i = 1; i <= 4; i++) {
            assertThat(from(here).signIn(email, "wrong").location()).endsWith("error=bad");
        }
        assertThat(from(here).signIn(email, "wrong").location()).endsWith("error=locked");
        WebSession locked = from(here);
        assertThat(locked.signIn(email, "right-password-1").location()).endsWith("error=locked");
        assertThat(locked.get("/login?error=locked").body()).contains("this e-mail is locked for 15 minutes");
        assertThat(from(address()).signIn(email, "right-password-1").location()).doesNotContain("error");
    }

    @Test
    void sprayingOnePasswordOverManyEmailsBlocksTheAddress() {
        // The per-address limit with its production value (the test profile raises it: every test signs in from 127.0.0.1).
        LoginAttempts production = new LoginAttempts(jdbc, clock, LoginAttempts.MAX_ADDRESS_FAILURES);
        String sprayer = address();
        for (int i = 0; i < LoginAttempts.MAX_ADDRESS_FAILURES; i++) {
            assertThat(production.lockedUntil(sprayer, "victim" + i + "@spray.test")).isEmpty();
            production.recordFailure(sprayer, "victim" + i + "@spray.test");
        }
        var lock = production.lockedUntil(sprayer, "anyone-else@spray.test");
        assertThat(lock).isPresent();
        assertThat(lock.get().kind()).isEqualTo(LoginAttempts.Lock.ADDRESS);
        assertThat(production.lockedUntil(address(), "anyone-else@spray.test")).as("other addresses").isEmpty();

        // The sign-in page refuses a blocked address before checking any password, and says why.
        WebSession blocked = from(sprayer);
        var r = blocked.signIn("admin@demo.test", "demo");
        assertThat(r.location()).endsWith("/login?error=busy");
        assertThat(blocked.get("/login?error=busy").body()).contains("Too many failed sign-ins from your network");
    }

    @Test
    void aLockRunsOutAfterFifteenMinutes() {
        String email = newUser("right-password-2");
        String here = address();
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        clock.set(start);
        for (int i = 0; i < LoginAttempts.MAX_FAILURES; i++) {
            from(here).signIn(email, "wrong");
        }
        clock.set(start.plus(Duration.ofMinutes(14)));
        assertThat(from(here).signIn(email, "right-password-2").location()).endsWith("error=locked");
        clock.set(start.plus(Duration.ofMinutes(16)));
        assertThat(from(here).signIn(email, "right-password-2").location()).doesNotContain("error");
    }

    @Test
    void aWrongPasswordOnADisabledUserRevealsNothing() {
        String email = newUser("right-password-3");
        users.setEnabled(userRepository.findByEmailIgnoreCase(email).orElseThrow().getId(), false);
        WebSession s = from(address());
        var wrong = s.signIn(email, "not-the-password");
        assertThat(wrong.location()).endsWith("error=bad");
        assertThat(s.get("/login?error=bad").body()).doesNotContain("disabled").contains("E-mail or password is not correct");
        var right = from(address()).signIn(email, "right-password-3");
        assertThat(right.location()).endsWith("error=disabled");
    }

    @Test
    void theCountsAreKeptPerAddressInTheDatabase() {
        String here = address();
        from(here).signIn("nobody-" + UUID.randomUUID() + "@lock.test", "x");
        Timestamp windowStart = jdbc.queryForObject("select window_start from login_throttle where subject = ?",
                Timestamp.class, "a " + here);
        assertThat(windowStart).isNotNull();
    }

    private String newUser(String password) {
        String email = "throttle-" + UUID.randomUUID().toString().substring(0, 8) + "@lock.test";
        users.create(new UserService.NewUser(email, "Throttle Test", password, Role.RENEWALS_STAFF, Permission.READ_ONLY, null));
        return email;
    }
}
