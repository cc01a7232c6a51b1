package com.fortinet.marketplace.security;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import com.fortinet.marketplace.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class SignInProtectionTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    AccountRepository accounts;
    @Autowired
    TestClock clock;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    com.fortinet.marketplace.accounts.UserRepository userRepository;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String newUser(String password) {
        String email = "lock-" + UUID.randomUUID().toString().substring(0, 8) + "@lock.test";
        users.create(new UserService.NewUser(email, "Lock Test", password, Role.RENEWALS_STAFF, Permission.READ_ONLY, null));
        return email;
    }

    @Test
    void fiveFailedSignInsLockTheEmailForFifteenMinutes() {
        String email = newUser("right-password");
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        clock.set(start);
        for (int i = 1; i <= 4; i++) {
            var r = new WebSession(port).signIn(email, "wrong-" + i);
            assertThat(r.location()).endsWith("/login?error=bad");
        }
        var fifth = new WebSession(port).signIn(email, "wrong-5");
        assertThat(fifth.location()).endsWith("/login?error=locked");

        // Even the right password is refused while locked, and the page says why and until when (business time zone).
        WebSession locked = new WebSession(port);
        var refused = locked.signIn(email, "right-password");
        assertThat(refused.location()).endsWith("/login?error=locked");
        assertThat(locked.get("/login?error=locked").body())
                .contains("Too many failed sign-ins: this e-mail is locked for 15 minutes, until 02:15 PST");

        clock.set(start.plus(Duration.ofMinutes(14)));
        assertThat(new WebSession(port).signIn(email, "right-password").location()).endsWith("/login?error=locked");

        clock.set(start.plus(Duration.ofMinutes(16)));
        var ok = new WebSession(port).signIn(email, "right-password");
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.location()).doesNotContain("error");
    }

    @Test
    void successfulSignInResetsTheCount() {
        String email = newUser("right-password");
        for (int i = 0; i < 4; i++) {
            new WebSession(port).signIn(email, "wrong");
        }
        assertThat(new WebSession(port).signIn(email, "right-password").location()).doesNotContain("error");
        for (int i = 0; i < 4; i++) {
            assertThat(new WebSession(port).signIn(email, "wrong").location()).endsWith("error=bad");
        }
    }

    @Test
    void unknownEmailsAreLockedAlikeSoTheLockRevealsNothing() {
        String email = "nobody-" + UUID.randomUUID() + "@lock.test";
        for (int i = 0; i < 4; i++) {
            assertThat(new WebSession(port).signIn(email, "x").location()).endsWith("error=bad");
        }
        assertThat(new WebSession(port).signIn(email, "x").location()).endsWith("error=locked");
    }

    @Test
    void disabledUserCannotSignIn() {
        String email = newUser("right-password");
        users.setEnabled(userRepository.findByEmailIgnoreCase(email).orElseThrow().getId(), false);
        assertThat(new WebSession(port).signIn(email, "right-password").location()).endsWith("error=disabled");
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String email = newUser("right-password");
        String hash = userRepository.findByEmailIgnoreCase(email).orElseThrow().getPasswordHash();
        assertThat(hash).startsWith("$2").doesNotContain("right-password");
        assertThat(encoder.matches("right-password", hash)).isTrue();
    }

    @Test
    void formPostWithoutCsrfTokenIsRefusedAndChangesNothing() {
        WebSession alice = WebSession.signedIn(port, "alice@acme.demo.test");
        alice.get("/profile");
        var refused = alice.postRaw("/profile/api-keys", Map.of("name", "csrf-probe"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(alice.get("/profile").body()).doesNotContain("csrf-probe");

        var accepted = alice.post("/profile/api-keys", Map.of("name", "csrf-ok"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body()).contains("csrf-ok").contains("shown only once");
    }

    @Test
    void sessionIdChangesAtSignIn() {
        WebSession s = new WebSession(port);
        var login = s.get("/login");
        String before = cookie(login.header("Set-Cookie"));
        var signedIn = s.signIn("bob@globex.demo.test", "demo");
        String after = cookie(signedIn.header("Set-Cookie"));
        assertThat(after).isNotNull().isNotEqualTo(before);
    }

    @Test
    void pagesSendSecureHeaders() {
        var page = new WebSession(port).get("/login");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() {
        var r = new WebSession(port).get("/accounts");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.location()).endsWith("/login");
    }

    private static String cookie(String setCookie) {
        return setCookie == null ? null : setCookie.split(";")[0];
    }
}
