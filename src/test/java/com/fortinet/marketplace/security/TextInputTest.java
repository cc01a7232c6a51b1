package com.fortinet.marketplace.security;

import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 item 8: account names (and the other free text, through {@code web.TextRules}) refuse control characters,
 * bidi overrides and names that show nothing — 400 naming the field in the API, the message next to the field on the
 * page — and nothing is created.
 */
@PortalTest
class TextInputTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;

    private long accounts() {
        return jdbc.queryForObject("select count(*) from accounts", Long.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Evil\u0000Corp", "Acme\u202Egnp.exe", "\u200B", "\u200D\u200D", " \u3000 ", "\u3164",
            "Line\nbreak", "Acme\u001B[2J", "\u2066Acme\u2069"})
    void badAccountNamesAreRefusedNamingTheField(String name) {
        long before = accounts();
        ApiClient admin = new ApiClient(port, "demo-admin");
        var r = admin.post("/api/v1/admin/accounts", Map.of("name", name, "type", "CUSTOMER", "region", "AMER"));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("detail").asString()).isNotBlank();
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        WebSession page = WebSession.signedIn(port, "admin@demo.test");
        page.get("/admin/accounts/new");
        var form = page.post("/admin/accounts", Map.of("name", name, "type", "CUSTOMER", "region", "AMER"));
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.body()).contains("id=\"name-error\"");
        assertThat(accounts()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Société Générale 株式会社", "Team \uD83D\uDE80", "\u05E9\u05DC\u05D5\u05DD Ltd"})
    void realNamesInAnyScriptAreKept(String name) {
        ApiClient admin = new ApiClient(port, "demo-admin");
        var r = admin.post("/api/v1/admin/accounts", Map.of("name", name + " " + System.nanoTime(), "type", "CUSTOMER",
                "region", "EMEA"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("name").asString()).startsWith(name);
    }
}
