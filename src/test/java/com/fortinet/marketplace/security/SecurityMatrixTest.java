package com.fortinet.marketplace.security;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import com.fortinet.marketplace.web.ForbiddenException;
import com.fortinet.marketplace.web.NotFoundException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every role against its own, a managed and a foreign account, reading (page and API) and changing.
 * Out of scope is 404 (never 403, so ids can't be probed); in scope without write access is 403.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixTest {

    private static final String PASSWORD = "matrix-pass-1";

    @LocalServerPort
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    UserService users;
    @Autowired
    ApiKeys apiKeys;
    @Autowired
    AccountScope scope;
    @Autowired
    PortalUserDetailsService userDetails;

    final Map<String, Long> accountIds = new HashMap<>();
    final Map<String, String> emails = new HashMap<>();
    final Map<String, String> keys = new HashMap<>();

    @BeforeAll
    void scenario() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Account customer = accounts.create("Matrix Customer " + run, AccountType.CUSTOMER, Region.EMEA);
        Account foreign = accounts.create("Matrix Foreign " + run, AccountType.CUSTOMER, Region.APAC);
        Account partner = accounts.create("Matrix Partner " + run, AccountType.PARTNER, Region.EMEA);
        accounts.link(partner.getId(), customer.getId());
        accountIds.put("customer", customer.getId());
        accountIds.put("foreign", foreign.getId());
        accountIds.put("partner", partner.getId());
        user("customerRW", run, Role.CUSTOMER_USER, Permission.READ_WRITE, customer.getId());
        user("customerRO", run, Role.CUSTOMER_USER, Permission.READ_ONLY, customer.getId());
        user("partnerRW", run, Role.PARTNER_USER, Permission.READ_WRITE, partner.getId());
        user("partnerRO", run, Role.PARTNER_USER, Permission.READ_ONLY, partner.getId());
        user("staff", run, Role.RENEWALS_STAFF, Permission.READ_ONLY, null);
        user("admin", run, Role.ADMIN, Permission.READ_WRITE, null);
    }

    private void user(String who, String run, Role role, Permission permission, Long accountId) {
        String email = who.toLowerCase() + "-" + run + "@matrix.test";
        var u = users.create(new UserService.NewUser(email, who, PASSWORD, role, permission, accountId));
        emails.put(who, email);
        keys.put(who, apiKeys.create(u.getId(), "matrix").secret());
    }

    // who, target account, read answer, change answer
    @ParameterizedTest(name = "{0} on {1}: read {2}, change {3}")
    @CsvSource({
            "customerRW, customer, 200, 200",
            "customerRW, partner,  404, 404",
            "customerRW, foreign,  404, 404",
            "customerRO, customer, 200, 403",
            "customerRO, foreign,  404, 404",
            "partnerRW,  partner,  200, 200",
            "partnerRW,  customer, 200, 200",
            "partnerRW,  foreign,  404, 404",
            "partnerRO,  partner,  200, 403",
            "partnerRO,  customer, 200, 403",
            "partnerRO,  foreign,  404, 404",
            "staff,      customer, 200, 403",
            "staff,      foreign,  200, 403",
            "staff,      partner,  200, 403",
            "admin,      customer, 200, 403",
            "admin,      foreign,  200, 403",
    })
    void matrix(String who, String target, int read, int change) {
        long accountId = accountIds.get(target);

        var api = new ApiClient(port, keys.get(who)).get("/api/v1/accounts/" + accountId);
        assertThat(api.status()).as("API read").isEqualTo(read);
        if (read != 200) {
            assertThat(api.isProblem()).isTrue();
        }

        var page = WebSession.signedIn(port, emails.get(who), PASSWORD).get("/accounts/" + accountId);
        assertThat(page.status()).as("page read").isEqualTo(read);

        // A real change through the API: registering a (malformed) code. Allowed users get past the scope check
        // to the 400 for the code; read-only users 403; out of scope 404. Nothing is registered either way.
        var register = new ApiClient(port, keys.get(who)).post("/api/v1/accounts/" + accountId + "/packs",
                Map.of("registrationCode", "not-a-code"));
        assertThat(register.status()).as("API change " + register).isEqualTo(change == 200 ? 400 : change);
        assertThat(register.isProblem()).isTrue();

        PortalUser user = userDetails.loadUserByUsername(emails.get(who));
        switch (change) {
            case 200 -> assertThat(scope.requireWritable(user, accountId).getId()).isEqualTo(accountId);
            case 403 -> assertThatThrownBy(() -> scope.requireWritable(user, accountId)).isInstanceOf(ForbiddenException.class);
            default -> assertThatThrownBy(() -> scope.requireWritable(user, accountId)).isInstanceOf(NotFoundException.class);
        }
    }

    @ParameterizedTest(name = "{0} lists only its scope through the API")
    @CsvSource({"customerRW, 1", "partnerRW, 2", "partnerRO, 2"})
    void accountListIsScoped(String who, int expected) {
        var r = new ApiClient(port, keys.get(who)).get("/api/v1/accounts");
        assertThat(r.json()).hasSize(expected);
        assertThat(r.body()).doesNotContain("Matrix Foreign");
    }

    @ParameterizedTest(name = "{0} gets {1} on the admin pages and API")
    @CsvSource({"customerRW, 403", "partnerRW, 403", "staff, 403", "admin, 200"})
    void adminAreaIsForAdminsOnly(String who, int expected) {
        var page = WebSession.signedIn(port, emails.get(who), PASSWORD).get("/admin/accounts");
        assertThat(page.status()).isEqualTo(expected);
        var api = new ApiClient(port, keys.get(who)).post("/api/v1/admin/accounts",
                Map.of("name", "x", "type", "CUSTOMER", "region", "NOWHERE"));
        // admins get past the role check and then fail validation; everyone else is stopped at the door
        assertThat(api.status()).isEqualTo(expected == 200 ? 400 : 403);
        assertThat(api.isProblem()).isTrue();
    }

    @ParameterizedTest(name = "demo user {0} can't reach the admin pages")
    @CsvSource({"alice@acme.demo.test", "ro@acme.demo.test", "bob@globex.demo.test", "pat@partner.demo.test", "staff@demo.test"})
    void demoUsersCannotReachAdmin(String email) {
        var page = WebSession.signedIn(port, email).get("/admin");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Not allowed");
    }
}
