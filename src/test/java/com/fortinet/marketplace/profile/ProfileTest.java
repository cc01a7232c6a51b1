package com.fortinet.marketplace.profile;

import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class ProfileTest {

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    private String newUser() {
        String email = "profile-" + UUID.randomUUID().toString().substring(0, 8) + "@profile.test";
        users.create(new UserService.NewUser(email, "Pro File", "first-password", Role.RENEWALS_STAFF, Permission.READ_ONLY, null));
        return email;
    }

    @Test
    void changePasswordChecksTheCurrentOneAndTheConfirmation() {
        String email = newUser();
        WebSession s = WebSession.signedIn(port, email, "first-password");
        s.get("/profile");
        var wrongCurrent = s.post("/profile/password", Map.of("currentPassword", "nope",
                "newPassword", "second-password", "confirmPassword", "second-password"));
        assertThat(wrongCurrent.body()).contains("Your current password is not correct.");
        var mismatch = s.post("/profile/password", Map.of("currentPassword", "first-password",
                "newPassword", "second-password", "confirmPassword", "other-password"));
        assertThat(mismatch.body()).contains("The two new passwords are not the same.");
        var tooShort = s.post("/profile/password", Map.of("currentPassword", "first-password",
                "newPassword", "short", "confirmPassword", "short"));
        assertThat(tooShort.body()).contains("at least 8 characters");

        var ok = s.post("/profile/password", Map.of("currentPassword", "first-password",
                "newPassword", "second-password", "confirmPassword", "second-password"));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(new WebSession(port).signIn(email, "first-password").location()).contains("error");
        assertThat(new WebSession(port).signIn(email, "second-password").location()).doesNotContain("error");
    }

    @Test
    void apiKeyIsShownOnceWorksAndCanBeRevoked() {
        String email = newUser();
        WebSession s = WebSession.signedIn(port, email, "first-password");
        s.get("/profile");
        var created = s.post("/profile/api-keys", Map.of("name", "nightly <script>"));
        var m = Pattern.compile("id=\"new-key\">(fmp_[A-Za-z0-9_-]+)<").matcher(created.body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1);
        // the name is escaped, never rendered as markup
        assertThat(created.body()).contains("nightly &lt;script&gt;").doesNotContain("nightly <script>");

        var api = new ApiClient(port, secret);
        assertThat(api.get("/api/v1/accounts").status()).isEqualTo(200);

        var profile = s.get("/profile");
        assertThat(profile.body()).doesNotContain(secret).contains(secret.substring(0, 8) + "…");
        var keyId = Pattern.compile("/profile/api-keys/(\\d+)/revoke").matcher(profile.body());
        assertThat(keyId.find()).isTrue();
        s.post("/profile/api-keys/" + keyId.group(1) + "/revoke", Map.of());
        assertThat(api.get("/api/v1/accounts").status()).isEqualTo(401);
    }

    @Test
    void emptyKeyNameIsExplainedNextToTheField() {
        WebSession s = WebSession.signedIn(port, newUser(), "first-password");
        s.get("/profile");
        var r = s.post("/profile/api-keys", Map.of("name", "  "));
        assertThat(r.body()).contains("id=\"name-error\"").contains("Give the key a name");
    }
}
