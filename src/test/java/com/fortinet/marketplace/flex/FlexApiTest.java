package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.points.SpendingService;
import com.fortinet.marketplace.security.ApiKeys;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class FlexApiTest {

    @LocalServerPort int port;
    @Autowired FlexFixtures fixtures;
    @Autowired ApiKeys apiKeys;
    @Autowired AccountRepository accounts;
    @Autowired SpendingService spending;
    @Autowired FlexProgramService programs;
    @Autowired FlexLedger ledger;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    long accountId(String name) {
        return accounts.findAllByOrderByName().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow().getId();
    }

    ApiClient api(String key) {
        return new ApiClient(port, key);
    }

    /** A fresh customer with 5,000 FortiPoints, a prepaid program and an API key. */
    record Setup(FlexFixtures.Customer customer, ApiClient api, FlexProgram program) {
    }

    Setup prepaidCustomer() {
        var c = fixtures.customer();
        LocalDate today = LocalDate.now(com.fortinet.marketplace.time.BusinessClock.ZONE);
        fixtures.pack(c.accountId(), "FC-10-FPNTS-5K", today.minusDays(30));
        FlexProgram p = fixtures.program(c.accountId(), FlexProgramType.PREPAID, today.minusDays(30), today.plusYears(3));
        return new Setup(c, api(apiKeys.create(c.userId(), "flex test").secret()), p);
    }

    @Test
    void programOfTheCallersAccount() {
        var r = api("demo-bob").get("/api/v1/accounts/" + accountId("Globex") + "/flex-program");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("serialNumber").asString()).isEqualTo("ELAVMR0000000101");
        assertThat(r.json().get("type").asString()).isEqualTo("PREPAID");
        assertThat(r.json().get("startDate").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(r.json().has("balance")).isTrue();

        var initech = api("demo-pat").get("/api/v1/accounts/" + accountId("Initech") + "/flex-program");
        assertThat(initech.json().get("type").asString()).isEqualTo("POSTPAID");
        assertThat(initech.json().get("acceptsTransfers").asBoolean()).isFalse();
    }

    @Test
    void noProgramIs404AndOutOfScopeIs404() {
        var acme = api("demo-alice").get("/api/v1/accounts/" + accountId("Acme") + "/flex-program");
        assertThat(acme.status()).isEqualTo(404);
        assertThat(acme.isProblem()).isTrue();
        assertThat(acme.json().get("detail").asString()).contains("no FortiFlex program");

        var outOfScope = api("demo-alice").get("/api/v1/accounts/" + accountId("Globex") + "/flex-program");
        assertThat(outOfScope.status()).isEqualTo(404);
        var transfer = api("demo-alice").post("/api/v1/accounts/" + accountId("Globex") + "/flex-transfers", Map.of("points", 10));
        assertThat(transfer.status()).isEqualTo(404);
        assertThat(transfer.isProblem()).isTrue();
    }

    @Test
    void withoutKey401() {
        var r = api(null).post("/api/v1/accounts/" + accountId("Globex") + "/flex-transfers", Map.of("points", 10));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void readOnlyAndStaff403() {
        var ro = api("demo-ro").post("/api/v1/accounts/" + accountId("Acme") + "/flex-transfers", Map.of("points", 10));
        assertThat(ro.status()).isEqualTo(403);
        assertThat(ro.isProblem()).isTrue();
        var staff = api("demo-staff").post("/api/v1/accounts/" + accountId("Globex") + "/flex-transfers", Map.of("points", 10));
        assertThat(staff.status()).isEqualTo(403);
    }

    @Test
    void transferIs201AndTheSameKeyChargesOnce() {
        var s = prepaidCustomer();
        String path = "/api/v1/accounts/" + s.customer().accountId() + "/flex-transfers";
        String key = UUID.randomUUID().toString();

        var first = s.api().post(path, Map.of("points", 1200), Map.of("Idempotency-Key", key));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("fortiPointsSpent").asLong()).isEqualTo(1200);
        assertThat(first.body()).contains("\"flexPointsAcquired\":1200.00");
        assertThat(first.json().get("programSerialNumber").asString()).isEqualTo(s.program().serialNumber());
        assertThat(first.json().get("anniversaryDate").asString()).isEqualTo(s.program().startDate().plusYears(1).toString());
        assertThat(first.header("Idempotent-Replayed")).isNull();

        var again = s.api().post(path, Map.of("points", 1200), Map.of("Idempotency-Key", key));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

        assertThat(spending.balance(s.customer().accountId())).isEqualTo(3800);
        assertThat(ledger.balance(s.program().id())).isEqualTo(FlexPoints.of(1200));
        var program = s.api().get("/api/v1/accounts/" + s.customer().accountId() + "/flex-program");
        // FortiFlex amounts carry two decimals in the API (DESIGN §7)
        assertThat(program.body()).contains("\"balance\":1200.00");
        FlexLedgerInvariants.assertHold(jdbc, s.program().id());
    }

    @Test
    void postpaidIs422WithTheDesignMessageAndNothingDebited() {
        long initech = accountId("Initech");
        long before = spending.balance(initech);
        var r = api("demo-pat").post("/api/v1/accounts/" + initech + "/flex-transfers", Map.of("points", 10),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("detail").asString()).isEqualTo("FortiPoints can only be transferred to a FortiFlex prepaid "
                + "(Enterprise) program; postpaid MSSP programs are billed monthly.");
        assertThat(spending.balance(initech)).isEqualTo(before);
    }

    @Test
    void noProgramIs422SayingWhatToDo() {
        var c = fixtures.customer();
        fixtures.pack(c.accountId(), "FC-10-FPNTS-1K", LocalDate.now(com.fortinet.marketplace.time.BusinessClock.ZONE));
        var client = api(apiKeys.create(c.userId(), "k").secret());
        var r = client.post("/api/v1/accounts/" + c.accountId() + "/flex-transfers", Map.of("points", 10));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asString()).contains("Ask your Fortinet account manager");
        assertThat(spending.balance(c.accountId())).isEqualTo(1000);
    }

    @Test
    void insufficientPointsIs422() {
        var s = prepaidCustomer();
        var r = s.api().post("/api/v1/accounts/" + s.customer().accountId() + "/flex-transfers", Map.of("points", 5001));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("title").asString()).isEqualTo("Insufficient points");
        assertThat(spending.balance(s.customer().accountId())).isEqualTo(5000);
    }

    @Test
    void badAmountsAre400() {
        var s = prepaidCustomer();
        String path = "/api/v1/accounts/" + s.customer().accountId() + "/flex-transfers";
        for (String body : new String[]{"{\"points\": 1.5}", "{\"points\": 0}", "{\"points\": -3}", "{}",
                "{\"points\": 99999999999999999999999}", "{\"points\": \"many\"}", "not json"}) {
            var r = s.api().post(path, body);
            assertThat(r.status()).as(body + " → " + r).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
        }
        assertThat(spending.balance(s.customer().accountId())).isEqualTo(5000);
    }

    @Test
    void adminRegistersAProgramOnceAndOthersMayNot() {
        var c = fixtures.customer(Permission.READ_WRITE);
        String path = "/api/v1/admin/accounts/" + c.accountId() + "/flex-program";
        var body = Map.of("type", "PREPAID", "startDate", "2026-01-15", "endDate", "2029-01-15");

        var created = api("demo-admin").post(path, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("serialNumber").asString()).matches("ELAVMR\\d{10}");
        assertThat(created.json().get("startDate").asString()).isEqualTo("2026-01-15");

        var second = api("demo-admin").post(path, Map.of("type", "POSTPAID", "startDate", "2026-01-15", "endDate", "2029-01-15"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("already holds FortiFlex program")
                .contains(created.json().get("serialNumber").asString());

        assertThat(api("demo-bob").post(path, body).status()).isEqualTo(403);
        assertThat(api("demo-admin").post("/api/v1/admin/accounts/999999999/flex-program", body).status()).isEqualTo(404);
        var badDates = api("demo-admin").post("/api/v1/admin/accounts/" + fixtures.customer().accountId() + "/flex-program",
                Map.of("type", "PREPAID", "startDate", "2026-01-15", "endDate", "2026-01-15"));
        assertThat(badDates.status()).isEqualTo(400);
        assertThat(badDates.json().get("detail").asString()).contains("end date must be after");
        var badSerial = api("demo-admin").post("/api/v1/admin/accounts/" + fixtures.customer().accountId() + "/flex-program",
                Map.of("type", "PREPAID", "startDate", "2026-01-15", "endDate", "2027-01-15", "serialNumber", "ELAVMS0000000999"));
        assertThat(badSerial.status()).isEqualTo(400);
    }
}
