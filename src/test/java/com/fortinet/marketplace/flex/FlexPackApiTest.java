package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.points.PackRegistration;
import com.fortinet.marketplace.points.RegistrationAttempts;
import com.fortinet.marketplace.points.SpendingService;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/accounts/{id}/flex/packs over real HTTP on the real database. */
@PortalTest
class FlexPackApiTest {

    static final String FLEX_10K = "LIC-ELAVM-10K";
    static final String FLEX_50K = "LIC-ELAVM-50K";

    @LocalServerPort int port;
    @Autowired FlexFixtures fixtures;
    @Autowired FlexLedger ledger;
    @Autowired SpendingService spending;
    @Autowired BusinessClock clock;
    @Autowired JdbcTemplate jdbc;

    record Setup(FlexFixtures.Customer customer, ApiClient api, FlexProgram program) {
        String path() {
            return "/api/v1/accounts/" + customer.accountId() + "/flex/packs";
        }
    }

    Setup withProgram(FlexProgramType type, LocalDate start, LocalDate end) {
        var c = fixtures.customer();
        FlexProgram p = type == null ? null : fixtures.program(c.accountId(), type, start, end);
        return new Setup(c, new ApiClient(port, fixtures.apiKey(c.userId())), p);
    }

    Setup prepaid() {
        LocalDate today = clock.today();
        return withProgram(FlexProgramType.PREPAID, today.minusDays(30), today.plusYears(3));
    }

    @Test
    void aFortiFlexCodeIsCreditedToThePrepaidProgramOnce() {
        var s = prepaid();
        String code = fixtures.code(FLEX_10K);
        String key = UUID.randomUUID().toString();

        var r = s.api().post(s.path(), Map.of("registrationCode", code.toLowerCase().replace("-", " ")), Map.of("Idempotency-Key", key));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.body()).contains("\"points\":10000.00").contains("\"balance\":10000.00");
        assertThat(r.json().get("sku").asString()).isEqualTo(FLEX_10K);
        assertThat(r.json().get("programSerialNumber").asString()).isEqualTo(s.program().serialNumber());
        assertThat(r.json().get("registeredOn").asString()).isEqualTo(clock.today().toString());
        long packId = r.json().get("packId").asLong();

        // The same request again answers the same pack, marked as a replay; nothing is credited twice.
        var again = raw("POST", s, s.path(), "{\"registrationCode\":\"" + code + "\"}", key);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).contains("\"packId\":" + packId);
        // …the same key with another code is another request: 422, nothing changed
        var otherCode = s.api().post(s.path(), Map.of("registrationCode", fixtures.code(FLEX_10K)), Map.of("Idempotency-Key", key));
        assertThat(otherCode.status()).isEqualTo(422);
        // …and the code under a new key is already registered: 409
        var reused = s.api().post(s.path(), Map.of("registrationCode", code), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().get("detail").asString()).contains("already been registered");

        assertThat(ledger.balance(s.program().id())).isEqualTo(FlexPoints.of(10_000));
        var rows = ledger.all(s.program().id());
        assertThat(rows).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(FlexLedgerKind.PACK_IN);
            assertThat(e.flexPackId()).isEqualTo(packId);
            assertThat(e.description()).contains(FLEX_10K).doesNotContain(code);
        });
        assertThat(jdbc.queryForObject("select flex_pack_id from registration_codes where code = ?", Long.class,
                code.replace("-", ""))).isEqualTo(packId);
        assertThat(spending.balance(s.customer().accountId())).as("no FortiPoints").isZero();
        assertThat(s.api().get(s.path() + "/" + packId).json().get("sku").asString()).isEqualTo(FLEX_10K);
        FlexLedgerInvariants.assertHold(jdbc, s.program().id());
        LedgerInvariants.assertHold(jdbc, s.customer().accountId());
    }

    @Test
    void fiftyThousandPointsPackAddsUp() {
        var s = prepaid();
        assertThat(s.api().post(s.path(), Map.of("registrationCode", fixtures.code(FLEX_50K))).status()).isEqualTo(201);
        assertThat(s.api().post(s.path(), Map.of("registrationCode", fixtures.code(FLEX_10K))).status()).isEqualTo(201);
        assertThat(ledger.balance(s.program().id())).isEqualTo(FlexPoints.of(60_000));
        assertThat(s.api().get("/api/v1/accounts/" + s.customer().accountId() + "/flex-program").body())
                .contains("\"balance\":60000.00");
        FlexLedgerInvariants.assertHold(jdbc, s.program().id());
    }

    /** Neither kind of code registers as the other, and nothing changes on either side. */
    @Test
    void codesOfOneKindNeverRegisterAsTheOther() {
        var s = prepaid();
        String fortiPointsCode = fixtures.code("FC-10-FPNTS-1K");
        var asFlex = s.api().post(s.path(), Map.of("registrationCode", fortiPointsCode));
        assertThat(asFlex.status()).isEqualTo(422);
        assertThat(asFlex.isProblem()).isTrue();
        assertThat(asFlex.json().get("detail").asString()).isEqualTo(FlexPackRegistration.WRONG_KIND_MESSAGE);

        String flexCode = fixtures.code(FLEX_10K);
        var asFortiPoints = s.api().post("/api/v1/accounts/" + s.customer().accountId() + "/packs", Map.of("registrationCode", flexCode));
        assertThat(asFortiPoints.status()).isEqualTo(422);
        assertThat(asFortiPoints.json().get("detail").asString()).isEqualTo(PackRegistration.WRONG_KIND_MESSAGE);

        assertThat(ledger.balance(s.program().id())).isEqualTo(FlexPoints.ZERO);
        assertThat(spending.balance(s.customer().accountId())).isZero();
        // both codes are still unused, and each registers where it belongs
        assertThat(s.api().post("/api/v1/accounts/" + s.customer().accountId() + "/packs",
                Map.of("registrationCode", fortiPointsCode)).status()).isEqualTo(201);
        assertThat(s.api().post(s.path(), Map.of("registrationCode", flexCode)).status()).isEqualTo(201);
        assertThat(spending.balance(s.customer().accountId())).isEqualTo(1000);
        assertThat(ledger.balance(s.program().id())).isEqualTo(FlexPoints.of(10_000));
        FlexLedgerInvariants.assertHold(jdbc, s.program().id());
        LedgerInvariants.assertHold(jdbc, s.customer().accountId());
        // an admin importing a FortiFlex SKU as a FortiPoints pack is refused likewise
        var imported = new ApiClient(port, "demo-admin").post("/api/v1/admin/accounts/" + s.customer().accountId()
                + "/packs/import", Map.of("sku", FLEX_10K, "registeredAt", clock.today().toString()));
        assertThat(imported.status()).isEqualTo(400);
        assertThat(imported.json().get("detail").asString()).contains("FortiFlex points SKU");
    }

    @Test
    void badCodesAre400WithTheFortiPointsMessages() {
        var s = prepaid();
        var sku = s.api().post(s.path(), Map.of("registrationCode", "lic-elavm-10k"));
        assertThat(sku.status()).isEqualTo(400);
        assertThat(sku.json().get("detail").asString()).isEqualTo(PackRegistration.SKU_MESSAGE);
        assertThat(s.api().post(s.path(), Map.of("registrationCode", "not a code")).status()).isEqualTo(400);
        var unknown = s.api().post(s.path(), Map.of("registrationCode", "AAAA-BBBB-CCCC-DDDD-EEEE"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("not known");
        assertThat(s.api().post(s.path(), Map.of("registrationCode", "")).status()).isEqualTo(400);
        assertThat(s.api().post(s.path(), "{}").status()).isEqualTo(400);
        assertThat(s.api().post(s.path(), "{\"registrationCode\": 42}").status()).isEqualTo(400);
        assertThat(s.api().post(s.path(), "not json").status()).isEqualTo(400);
        assertThat(ledger.balance(s.program().id())).isEqualTo(FlexPoints.ZERO);
    }

    @Test
    void postpaidNoProgramEndedAndNotStartedAre422SayingWhatToDo() {
        LocalDate today = clock.today();
        String code = fixtures.code(FLEX_10K);
        var postpaid = withProgram(FlexProgramType.POSTPAID, today.minusDays(30), today.plusYears(1));
        var r = postpaid.api().post(postpaid.path(), Map.of("registrationCode", code));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).isEqualTo(PrepaidCredit.PACK.postpaidMessage())
                .contains("prepaid (Enterprise)");

        var none = withProgram(null, null, null);
        var noProgram = none.api().post(none.path(), Map.of("registrationCode", code));
        assertThat(noProgram.status()).isEqualTo(422);
        assertThat(noProgram.json().get("detail").asString()).contains("no FortiFlex program").contains("Ask your Fortinet account manager");

        var ended = withProgram(FlexProgramType.PREPAID, today.minusYears(1), today);
        assertThat(ended.api().post(ended.path(), Map.of("registrationCode", code)).json().get("detail").asString())
                .contains("ended on " + today).contains("extend");
        var later = withProgram(FlexProgramType.PREPAID, today.plusDays(3), today.plusYears(1));
        assertThat(later.api().post(later.path(), Map.of("registrationCode", code)).json().get("detail").asString())
                .contains("starts on " + today.plusDays(3));

        // the code is still unused: a prepaid account takes it
        var prepaid = prepaid();
        assertThat(prepaid.api().post(prepaid.path(), Map.of("registrationCode", code)).status()).isEqualTo(201);
    }

    @Test
    void scopeAndPermissions() {
        var s = prepaid();
        String code = fixtures.code(FLEX_10K);
        var ro = fixtures.users.create(new UserService.NewUser("ro-" + s.customer().email(), "Reader", "password-ro-1",
                Role.CUSTOMER_USER, Permission.READ_ONLY, s.customer().accountId()));
        assertThat(new ApiClient(port, fixtures.apiKey(ro.getId())).post(s.path(), Map.of("registrationCode", code)).status())
                .isEqualTo(403);
        assertThat(new ApiClient(port, "demo-alice").post(s.path(), Map.of("registrationCode", code)).status()).isEqualTo(404);
        assertThat(new ApiClient(port, "demo-staff").post(s.path(), Map.of("registrationCode", code)).status()).isEqualTo(403);
        assertThat(new ApiClient(port, null).post(s.path(), Map.of("registrationCode", code)).status()).isEqualTo(401);
        assertThat(ledger.balance(s.program().id())).isEqualTo(FlexPoints.ZERO);
    }

    /** The same per-user limit as FortiPoints registration, counted across both. */
    @Test
    void failedAttemptsAreLimitedPerUserAcrossBothKinds() {
        var s = prepaid();
        for (int i = 0; i < RegistrationAttempts.MAX_FAILURES - 1; i++) {
            assertThat(s.api().post(s.path(), Map.of("registrationCode", "AAAA-BBBB-CCCC-DDDD-EEE" + (i % 10))).status()).isEqualTo(400);
        }
        assertThat(s.api().post("/api/v1/accounts/" + s.customer().accountId() + "/packs",
                Map.of("registrationCode", "ZZZZ-BBBB-CCCC-DDDD-EEEE")).status()).isEqualTo(400);
        var locked = s.api().post(s.path(), Map.of("registrationCode", fixtures.code(FLEX_10K)));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.isProblem()).isTrue();
        assertThat(s.api().post("/api/v1/accounts/" + s.customer().accountId() + "/packs",
                Map.of("registrationCode", fixtures.code("FC-10-FPNTS-1K"))).status()).isEqualTo(429);
        assertThat(ledger.balance(s.program().id())).isEqualTo(FlexPoints.ZERO);
    }

    /** Two accounts race for one code with real threads: exactly one gets it. */
    @Test
    void oneCodeRacedByTwoAccountsRegistersOnce() throws Exception {
        var a = prepaid();
        var b = prepaid();
        String code = fixtures.code(FLEX_10K);
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (Setup s : List.of(a, b)) {
            outcomes.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return s.api().post(s.path(), Map.of("registrationCode", code)).status();
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : outcomes) {
            statuses.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(ledger.balance(a.program().id()).plus(ledger.balance(b.program().id()))).isEqualTo(FlexPoints.of(10_000));
        FlexLedgerInvariants.assertHold(jdbc, a.program().id());
        FlexLedgerInvariants.assertHold(jdbc, b.program().id());
    }

    private HttpResponse<String> raw(String method, Setup s, String path, String json, String key) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + fixtures.apiKey(s.customer().userId()))
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
