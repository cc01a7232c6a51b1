package com.fortinet.marketplace.security;

import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class ApiAuthenticationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Test
    void demoKeyListsOwnAccountOnly() {
        var r = new ApiClient(port, "demo-alice").get("/api/v1/accounts");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).hasSize(1);
        assertThat(r.json().get(0).get("name").asString()).isEqualTo("Acme");
        assertThat(r.json().get(0).get("type").asString()).isEqualTo("CUSTOMER");
    }

    @Test
    void partnerSeesOwnAndManagedAccounts() {
        var r = new ApiClient(port, "demo-pat").get("/api/v1/accounts");
        assertThat(r.json().valueStream().map(n -> n.get("name").asString()))
                .containsExactlyInAnyOrder("Northwind Partners", "Globex", "Initech");
    }

    @Test
    void missingOrUnknownKeyGetsA401Problem() {
        var none = new ApiClient(port, null).get("/api/v1/accounts");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.isProblem()).isTrue();
        var wrong = new ApiClient(port, "not-a-key").get("/api/v1/accounts");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("title").asString()).isEqualTo("Unauthorized");
    }

    @Test
    void revokedKeyIsRefused() {
        var created = apiKeys.create(userId("bob@globex.demo.test"), "to revoke");
        var api = new ApiClient(port, created.secret());
        assertThat(api.get("/api/v1/accounts").status()).isEqualTo(200);
        apiKeys.revoke(userId("bob@globex.demo.test"), created.id());
        var after = api.get("/api/v1/accounts");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.isProblem()).isTrue();
    }

    @Test
    void unknownApiPathIsAProblemNotAPage() {
        var r = new ApiClient(port, "demo-alice").get("/api/v1/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.isProblem()).isTrue();
    }

    @Autowired
    com.fortinet.marketplace.accounts.UserRepository users;

    private long userId(String email) {
        return users.findByEmailIgnoreCase(email).orElseThrow().getId();
    }
}
