package com.fortinet.marketplace.admin;

import com.fortinet.marketplace.accounts.PartnerLinks;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class AdminApiTest {

    @LocalServerPort
    int port;
    @Autowired
    PartnerLinks links;

    ApiClient admin() {
        return new ApiClient(port, "demo-admin");
    }

    long createAccount(String name, String type) {
        var r = admin().post("/api/v1/admin/accounts", Map.of("name", name, "type", type, "region", "EMEA"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("accountId").asLong();
    }

    @Test
    void createsAccountsUsersAndPartnerLinks() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long customer = createAccount("Api Customer " + run, "CUSTOMER");
        long partner = createAccount("Api Partner " + run, "PARTNER");

        var user = admin().post("/api/v1/admin/users", Map.of("email", "api-" + run + "@example.test",
                "password", "long-enough-1", "accountId", partner, "role", "PARTNER_USER", "permission", "READ_ONLY"));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        assertThat(user.json().get("permission").asString()).isEqualTo("READ_ONLY");

        var link = admin().post("/api/v1/admin/partners/" + partner + "/customers/" + customer, "");
        assertThat(link.status()).isEqualTo(204);
        assertThat(links.manages(partner, customer)).isTrue();
        // linking twice is harmless
        assertThat(admin().post("/api/v1/admin/partners/" + partner + "/customers/" + customer, "").status()).isEqualTo(204);
    }

    @ParameterizedTest(name = "{0} → 400 on field {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"CUSTOMER\",\"region\":\"EMEA\"}                 | name",
            "{\"name\":\"\",\"type\":\"CUSTOMER\",\"region\":\"EMEA\"}   | name",
            "{\"name\":\"X\",\"type\":\"RESELLER\",\"region\":\"EMEA\"}  | ",
            "{\"name\":\"X\",\"type\":\"CUSTOMER\"}                      | region",
            "{\"name\":42,\"type\":\"CUSTOMER\",\"region\":\"EMEA\"}     | ",
            "not json                                                    | ",
    })
    void badAccountInputIsAProblemNamingTheField(String body, String field) {
        var r = admin().post("/api/v1/admin/accounts", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("title").asString()).isEqualTo("Invalid input");
        if (field != null) {
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        }
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void hugeNameIsRefused() {
        var r = admin().post("/api/v1/admin/accounts", Map.of("name", "x".repeat(5000), "type", "CUSTOMER", "region", "EMEA"));
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void duplicateEmailIsAConflict() {
        var r = admin().post("/api/v1/admin/users", Map.of("email", "alice@acme.demo.test", "password", "long-enough-1",
                "role", "RENEWALS_STAFF"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void userRulesAreExplained() {
        var noAccount = admin().post("/api/v1/admin/users", Map.of("email", "x-" + UUID.randomUUID() + "@e.test",
                "password", "long-enough-1", "role", "CUSTOMER_USER"));
        assertThat(noAccount.status()).isEqualTo(400);
        assertThat(noAccount.json().get("detail").asString()).contains("need an account");
        var shortPassword = admin().post("/api/v1/admin/users", Map.of("email", "y-" + UUID.randomUUID() + "@e.test",
                "password", "short", "role", "RENEWALS_STAFF"));
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    }

    @Test
    void linkRefusesWrongAccountTypesAndUnknownAccounts() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long a = createAccount("Api Cust A " + run, "CUSTOMER");
        long b = createAccount("Api Cust B " + run, "CUSTOMER");
        var wrongType = admin().post("/api/v1/admin/partners/" + a + "/customers/" + b, "");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asString()).contains("is not a partner account");
        var unknown = admin().post("/api/v1/admin/partners/999999999/customers/" + b, "");
        assertThat(unknown.status()).isEqualTo(404);
        var notANumber = admin().post("/api/v1/admin/partners/abc/customers/" + b, "");
        assertThat(notANumber.status()).isEqualTo(400);
    }
}
