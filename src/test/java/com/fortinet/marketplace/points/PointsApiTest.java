package com.fortinet.marketplace.points;

import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.security.ApiKeys;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class PointsApiTest {

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired UserService users;
    @Autowired ApiKeys keys;
    @Autowired RegistrationCodes codes;
    @Autowired JdbcTemplate jdbc;
    @Autowired BusinessClock clock;

    PointsFixtures fx;
    ApiClient admin;

    @BeforeEach
    void setUp() {
        fx = new PointsFixtures(accounts, users, keys, codes);
        admin = new ApiClient(port, "demo-admin");
    }

    ApiClient as(PointsFixtures.Person p) {
        return new ApiClient(port, p.apiKey());
    }

    @Test
    void adminIssuesCodesThatACustomerRegisters() {
        var issued = admin.post("/api/v1/admin/registration-codes", Map.of("sku", "FC-10-FPNTS-5K", "count", 3));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        var list = issued.json().get("codes");
        assertThat(list).hasSize(3);
        list.forEach(c -> assertThat(c.asString()).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}"));

        var alice = fx.customer();
        String code = list.get(0).asString();
        // lower case, no dashes, stray spaces: still the same code
        var r = as(alice).post("/api/v1/accounts/" + alice.accountId() + "/packs",
                Map.of("registrationCode", "  " + code.toLowerCase().replace("-", "") + " "));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("sku").asString()).isEqualTo("FC-10-FPNTS-5K");
        assertThat(r.json().get("points").asLong()).isEqualTo(5000);
        assertThat(r.json().get("registeredAt").asString()).isEqualTo(clock.today().toString());
        assertThat(r.json().get("expiresAt").asString()).isEqualTo(clock.today().plusYears(3).toString());
        assertThat(r.json().get("balance").asLong()).isEqualTo(5000);

        var points = as(alice).get("/api/v1/accounts/" + alice.accountId() + "/points").json();
        assertThat(points.get("balance").asLong()).isEqualTo(5000);
        assertThat(points.get("registered").asLong()).isEqualTo(5000);
        assertThat(points.get("used").asLong()).isZero();
        assertThat(points.get("packs")).hasSize(1);
        assertThat(points.get("packs").get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(points.get("packs").get(0).get("remaining").asLong()).isEqualTo(5000);

        var ledger = as(alice).get("/api/v1/accounts/" + alice.accountId() + "/ledger").json();
        assertThat(ledger).hasSize(1);
        assertThat(ledger.get(0).get("kind").asString()).isEqualTo("PACK_REGISTERED");
        assertThat(ledger.get(0).get("points").asLong()).isEqualTo(5000);
        assertThat(ledger.get(0).get("balanceAfter").asLong()).isEqualTo(5000);
        assertThat(ledger.get(0).get("reference").asString()).endsWith(code.substring(code.length() - 4)).doesNotContain(code);
        LedgerInvariants.assertHold(jdbc, alice.accountId());
    }

    @Test
    void aCodeRegistersOnceAndTheSecondTryDoesNotRevealTheHolder() {
        var first = fx.customer();
        var second = fx.customer();
        String code = fx.code("FC-10-FPNTS-1K");
        assertThat(as(first).post("/api/v1/accounts/" + first.accountId() + "/packs", Map.of("registrationCode", code)).status())
                .isEqualTo(201);

        var again = as(second).post("/api/v1/accounts/" + second.accountId() + "/packs", Map.of("registrationCode", code));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.json().get("detail").asString()).contains("already been registered")
                .doesNotContain(accounts.get(first.accountId()).getName()).doesNotContain(String.valueOf(first.accountId()));
        assertThat(as(second).get("/api/v1/accounts/" + second.accountId() + "/points").json().get("balance").asLong()).isZero();
    }

    @Test
    void aSkuTypedAsACodeGetsTheSkuMessage() {
        var p = fx.customer();
        for (String typed : new String[]{"FC-10-FPNTS-10K", "fc-10-fpnts-10k", "FC10FPNTS10K"}) {
            var r = as(p).post("/api/v1/accounts/" + p.accountId() + "/packs", Map.of("registrationCode", typed));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("detail").asString()).isEqualTo(
                    "That is a SKU, not a registration code: enter the registration code from your Service Registration Document.");
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("registrationCode");
        }
    }

    @Test
    void badInputIsA400ProblemAndChangesNothing() {
        var p = fx.customer();
        String base = "/api/v1/accounts/" + p.accountId() + "/packs";
        var blank = as(p).post(base, Map.of("registrationCode", "  "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("detail").asString()).contains("Enter the registration code");
        var shortCode = as(p).post(base, Map.of("registrationCode", "K7QF-9MZD"));
        assertThat(shortCode.status()).isEqualTo(400);
        assertThat(shortCode.json().get("detail").asString()).contains("20 letters and digits");
        var unknown = as(p).post(base, Map.of("registrationCode", "K7QF-9MZD-3XWA-PT2H-8RCE"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("not known");
        var noBody = as(p).post(base, "{}");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(as(p).get("/api/v1/accounts/" + p.accountId() + "/ledger").json()).isEmpty();
    }

    @Test
    void readOnlyUsersGet403AndOtherAccounts404() {
        var owner = fx.customer();
        var reader = fx.user(owner.accountId(), Role.CUSTOMER_USER, Permission.READ_ONLY);
        String code = fx.code("FC-10-FPNTS-1K");
        var ro = as(reader).post("/api/v1/accounts/" + owner.accountId() + "/packs", Map.of("registrationCode", code));
        assertThat(ro.status()).isEqualTo(403);
        assertThat(ro.isProblem()).isTrue();
        assertThat(as(reader).get("/api/v1/accounts/" + owner.accountId() + "/points").status()).isEqualTo(200);

        var stranger = fx.customer();
        assertThat(as(stranger).post("/api/v1/accounts/" + owner.accountId() + "/packs", Map.of("registrationCode", code)).status())
                .isEqualTo(404);
        assertThat(as(stranger).get("/api/v1/accounts/" + owner.accountId() + "/points").status()).isEqualTo(404);
        assertThat(as(stranger).get("/api/v1/accounts/" + owner.accountId() + "/ledger").status()).isEqualTo(404);
        assertThat(new ApiClient(port, "demo-staff").post("/api/v1/accounts/" + owner.accountId() + "/packs",
                Map.of("registrationCode", code)).status()).isEqualTo(403);
        // the code is still unused: its owner can register it
        assertThat(as(owner).post("/api/v1/accounts/" + owner.accountId() + "/packs", Map.of("registrationCode", code)).status())
                .isEqualTo(201);
    }

    @Test
    void aPartnerRegistersForAManagedCustomerOnly() {
        long partnerAccount = fx.partnerAccount("Points partner");
        long managed = fx.customerAccount("Managed");
        long other = fx.customerAccount("Unmanaged");
        accounts.link(partnerAccount, managed);
        var pat = fx.user(partnerAccount, Role.PARTNER_USER, Permission.READ_WRITE);

        var r = as(pat).post("/api/v1/accounts/" + managed + "/packs", Map.of("registrationCode", fx.code("FC-10-FPNTS-10K")));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("accountId").asLong()).isEqualTo(managed);
        assertThat(as(pat).get("/api/v1/accounts/" + managed + "/points").json().get("balance").asLong()).isEqualTo(10000);
        assertThat(as(pat).get("/api/v1/accounts/" + partnerAccount + "/points").json().get("balance").asLong()).isZero();
        assertThat(as(pat).post("/api/v1/accounts/" + other + "/packs", Map.of("registrationCode", fx.code("FC-10-FPNTS-1K"))).status())
                .isEqualTo(404);
    }

    @Test
    void theSameIdempotencyKeyRegistersOnce() {
        var p = fx.customer();
        String code = fx.code("FC-10-FPNTS-1K");
        String path = "/api/v1/accounts/" + p.accountId() + "/packs";
        var first = as(p).post(path, Map.of("registrationCode", code), Map.of("Idempotency-Key", "reg-1"));
        var again = as(p).post(path, Map.of("registrationCode", code), Map.of("Idempotency-Key", "reg-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(as(p).get("/api/v1/accounts/" + p.accountId() + "/points").json().get("balance").asLong()).isEqualTo(1000);
    }

    @Test
    void failedAttemptsAreRateLimitedPerUser() {
        var p = fx.customer();
        String path = "/api/v1/accounts/" + p.accountId() + "/packs";
        for (int i = 0; i < RegistrationAttempts.MAX_FAILURES; i++) {
            assertThat(as(p).post(path, Map.of("registrationCode", "AAAA-BBBB-CCCC-DDDD-EEE" + i)).status()).isEqualTo(400);
        }
        String good = fx.code("FC-10-FPNTS-1K");
        var limited = as(p).post(path, Map.of("registrationCode", good));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("detail").asString()).contains("15 minutes");
        assertThat(as(p).get("/api/v1/accounts/" + p.accountId() + "/points").json().get("balance").asLong()).isZero();
        // another user of the same account is not limited
        var colleague = fx.user(p.accountId(), Role.CUSTOMER_USER, Permission.READ_WRITE);
        assertThat(as(colleague).post(path, Map.of("registrationCode", good)).status()).isEqualTo(201);
    }

    @Test
    void theCatalogueIsPublicToSignedInUsers() {
        var skus = new ApiClient(port, "demo-alice").get("/api/v1/points-skus");
        assertThat(skus.status()).isEqualTo(200);
        assertThat(skus.json().valueStream().map(n -> n.get("sku").asString() + "=" + n.get("points").asLong()))
                .contains("FC-10-FPNTS-1K=1000", "FC-10-FPNTS-10K=10000", "FC-10-FPNTS-100K=100000");
    }

    @Test
    void adminImportsAnOldRegistrationWithItsOriginalDate() {
        long account = fx.customerAccount("Imported");
        var today = clock.today();
        var r = admin.post("/api/v1/admin/accounts/" + account + "/packs/import",
                Map.of("sku", "FC-10-FPNTS-25K", "registeredAt", today.minusYears(1).toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("expiresAt").asString()).isEqualTo(today.minusYears(1).plusYears(3).toString());
        assertThat(r.json().get("remaining").asLong()).isEqualTo(25000);

        var future = admin.post("/api/v1/admin/accounts/" + account + "/packs/import",
                Map.of("sku", "FC-10-FPNTS-1K", "registeredAt", today.plusDays(1).toString()));
        assertThat(future.status()).isEqualTo(400);
        // A registration whose three years are over is migrated as registered and expired: history complete, balance unchanged.
        var expired = admin.post("/api/v1/admin/accounts/" + account + "/packs/import",
                Map.of("sku", "FC-10-FPNTS-1K", "registeredAt", today.minusYears(3).toString()));
        assertThat(expired.status()).as(expired.toString()).isEqualTo(201);
        assertThat(expired.json().get("status").asString()).isEqualTo("EXPIRED");
        assertThat(expired.json().get("expiresAt").asString()).isEqualTo(today.toString());
        assertThat(expired.json().get("remaining").asLong()).isZero();
        assertThat(jdbc.queryForList("select kind from points_ledger where account_id = ? order by id", String.class, account))
                .containsExactly("PACK_REGISTERED", "PACK_REGISTERED", "PACK_EXPIRED");
        assertThat(jdbc.queryForObject("select balance_after from points_ledger where account_id = ? order by id desc limit 1",
                Long.class, account)).isEqualTo(25000);
        var unknownSku = admin.post("/api/v1/admin/accounts/" + account + "/packs/import",
                Map.of("sku", "NOPE", "registeredAt", today.toString()));
        assertThat(unknownSku.status()).isEqualTo(400);
        var badDate = admin.post("/api/v1/admin/accounts/" + account + "/packs/import",
                Map.of("sku", "FC-10-FPNTS-1K", "registeredAt", "yesterday"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/admin/accounts/99999999/packs/import",
                Map.of("sku", "FC-10-FPNTS-1K", "registeredAt", today.toString())).status()).isEqualTo(404);
        assertThat(new ApiClient(port, "demo-alice").post("/api/v1/admin/accounts/" + account + "/packs/import",
                Map.of("sku", "FC-10-FPNTS-1K", "registeredAt", today.toString())).status()).isEqualTo(403);
        assertThat(new ApiClient(port, "demo-alice").post("/api/v1/admin/registration-codes",
                Map.of("sku", "FC-10-FPNTS-1K", "count", 1)).status()).isEqualTo(403);
        var tooMany = admin.post("/api/v1/admin/registration-codes", Map.of("sku", "FC-10-FPNTS-1K", "count", 5000));
        assertThat(tooMany.status()).isEqualTo(400);
        LedgerInvariants.assertHold(jdbc, account);
        assertThat(new ApiClient(port, "demo-admin").get("/api/v1/accounts/" + account + "/points").json().get("balance").asLong())
                .isEqualTo(25000);
    }

    @Test
    void thePointsEndpointsAreInTheOpenApiDescription() {
        var docs = new ApiClient(port, "demo-alice").get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/accounts/{id}/packs", "/api/v1/accounts/{id}/ledger", "/api/v1/points-skus",
                "/api/v1/admin/registration-codes");
    }
}
