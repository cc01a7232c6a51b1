package com.fortinet.marketplace.flex.v2;

import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.flex.configs.FlexConfig;
import com.fortinet.marketplace.flex.entitlements.AssetFixtures;
import com.fortinet.marketplace.flex.entitlements.Entitlement;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FortiFlex API v2 shapes over real HTTP, with request bodies written exactly as FortiFlex's public samples send
 * them (its Postman collection and Python samples in FortinetCloudCSE/fortiflexvm-api, the Terraform provider's Go
 * SDK in fortinetdev/terraform-provider-fortiflexvm): string ids, dates with a time, extra fields like folderPath.
 */
@PortalTest
class FlexV2ApiTest {

    static final String V2 = "/ES/api/fortiflex/v2/";

    @LocalServerPort int port;
    @Autowired AssetFixtures fixtures;
    @Autowired JdbcTemplate jdbc;

    ApiClient api(AssetFixtures.Customer c) {
        return new ApiClient(port, c.apiKey());
    }

    String programSerial(long accountId) {
        return jdbc.queryForObject("select serial_number from flex_programs where account_id = ?", String.class, accountId);
    }

    java.time.LocalDate programEnd(long accountId) {
        return jdbc.queryForObject("select end_date from flex_programs where account_id = ?", java.time.LocalDate.class, accountId);
    }

    static void success(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode j = r.json();
        assertThat(j.get("status").asInt()).as(r.toString()).isZero();
        assertThat(j.get("message").asString()).isNotBlank();
        assertThat(j.has("error")).isTrue();
        assertThat(j.get("error").isNull()).isTrue();
    }

    static JsonNode failure(ApiClient.Response r, int http, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(http);
        assertThat(r.contentType()).as("FortiFlex's envelope, not a problem document").startsWith("application/json");
        JsonNode j = r.json();
        assertThat(j.get("status").asInt()).as(r.toString()).isNotZero();
        assertThat(j.get("message").asString()).isNotBlank();
        assertThat(j.get("error").asString()).isNotBlank();
        if (field != null) {
            assertThat(j.get("field").asString()).isEqualTo(field);
        }
        return j;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.values().forEach(out::add);
        return out;
    }

    static Map<String, Object> p(int id, String value) {
        return Map.of("id", id, "value", value);
    }

    int configCount(long accountId) {
        return jdbc.queryForObject("select count(*) from flex_configs where account_id = ?", Integer.class, accountId);
    }

    // ---- programs ----

    @Test
    void programsListAnswersTheCallersProgramsInTheEnvelope() {
        var c = fixtures.withProgram();
        var r = api(c).post(V2 + "programs/list", Map.of());
        success(r);
        List<JsonNode> programs = list(r.json().get("programs"));
        assertThat(programs).hasSize(1);
        JsonNode p = programs.get(0);
        assertThat(p.get("serialNumber").asString()).isEqualTo(programSerial(c.accountId())).startsWith("ELAVMR");
        assertThat(p.get("accountId").asLong()).isEqualTo(c.accountId());
        assertThat(p.get("startDate").asString()).matches("\\d{4}-\\d{2}-\\d{2}T00:00:00");
        assertThat(p.get("hasSupportCoverage").asBoolean()).isTrue();

        // a partner sees the programs of the customers it manages (Globex prepaid, Initech postpaid), not Acme's
        var pat = new ApiClient(port, "demo-pat").post(V2 + "programs/list", "{}");
        success(pat);
        assertThat(list(pat.json().get("programs")).stream().map(x -> x.get("serialNumber").asString()))
                .anyMatch(s -> s.startsWith("ELAVMR")).anyMatch(s -> s.startsWith("ELAVMS"))
                .doesNotContain(programSerial(c.accountId()));
    }

    // ---- configurations, as the Postman collection and the Python sample send them ----

    @Test
    void configurationsCreateListUpdateDisableEnableOnTheSameServiceAsV1() {
        var c = fixtures.withProgram();
        String serial = programSerial(c.accountId());
        var created = api(c).post(V2 + "configs/create", Map.of("programSerialNumber", serial, "accountId", c.accountId(),
                "name", "Test Configuration", "productTypeId", 1, "parameters", List.of(p(1, "4"), p(2, "UTP"))));
        success(created);
        JsonNode config = created.json().get("configs");
        long id = config.get("id").asLong();
        assertThat(config.get("programSerialNumber").asString()).isEqualTo(serial);
        assertThat(config.get("accountId").asLong()).isEqualTo(c.accountId());
        assertThat(config.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(config.get("productType").get("id").asInt()).isEqualTo(1);
        assertThat(config.get("parameters").toString()).contains("{\"id\":1,").contains("\"value\":\"4\"").contains("\"value\":\"UTP\"");

        // list: {programSerialNumber, accountId}
        var listed = api(c).post(V2 + "configs/list", Map.of("programSerialNumber", serial, "accountId", c.accountId()));
        success(listed);
        assertThat(list(listed.json().get("configs")).stream().map(x -> x.get("id").asLong())).containsExactly(id);

        // update with the id as a string, as the Postman collection writes it
        var updated = api(c).post(V2 + "configs/update", Map.of("id", String.valueOf(id), "name", "New Configuration name",
                "parameters", List.of(p(1, "8"), p(2, "UTP"))));
        success(updated);
        assertThat(updated.json().get("configs").get("name").asString()).isEqualTo("New Configuration name");
        // the same configuration through /api/v1: one service, one price
        var v1 = api(c).get("/api/v1/accounts/" + c.accountId() + "/flex/configs/" + id);
        assertThat(v1.json().get("parameters").toString()).contains("\"value\":\"8\"");
        assertThat(updated.json().get("configs").get("pointsPerDay").decimalValue())
                .isEqualByComparingTo(v1.json().get("pointsPerDay").decimalValue());

        var disabled = api(c).post(V2 + "configs/disable", Map.of("id", String.valueOf(id)));
        success(disabled);
        assertThat(disabled.json().get("configs").get("status").asString()).isEqualTo("DISABLED");
        var enabled = api(c).post(V2 + "configs/enable", Map.of("id", id));
        success(enabled);
        assertThat(enabled.json().get("configs").get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aBadParameterIsAFailureEnvelopeNamingTheFieldAndChangesNothing() {
        var c = fixtures.withProgram();
        int before = configCount(c.accountId());
        var r = api(c).post(V2 + "configs/create", Map.of("programSerialNumber", programSerial(c.accountId()),
                "name", "Too big", "productTypeId", 1, "parameters", List.of(p(1, "200"), p(2, "UTP"))));
        JsonNode j = failure(r, 400, "parameters[1]");
        assertThat(j.get("message").asString()).contains("96");
        assertThat(j.get("status").asInt()).isEqualTo(-1);
        assertThat(configCount(c.accountId())).isEqualTo(before);

        failure(api(c).post(V2 + "configs/create", Map.of("name", "No program", "productTypeId", 1)), 400, "programSerialNumber");
        failure(api(c).post(V2 + "configs/disable", Map.of("id", "twelve")), 400, "id");
        failure(api(c).post(V2 + "configs/create", "{\"programSerialNumber\": "), 400, "body");
    }

    @Test
    void aProgramOfAnotherAccountIsReportedAsNotFoundLikeAnUnknownOne() {
        var mine = fixtures.withProgram();
        var other = fixtures.withProgram();
        int before = configCount(other.accountId());
        var foreign = api(mine).post(V2 + "configs/create", Map.of("programSerialNumber", programSerial(other.accountId()),
                "name", "Not mine", "productTypeId", 1, "parameters", List.of(p(1, "2"), p(2, "ENT"))));
        JsonNode f = failure(foreign, 404, null);
        assertThat(f.get("message").asString()).contains(programSerial(other.accountId()));
        var unknown = api(mine).post(V2 + "configs/list", Map.of("programSerialNumber", "ELAVMR9999999999"));
        JsonNode u = failure(unknown, 404, null);
        assertThat(u.get("message").asString().replace("ELAVMR9999999999", "X"))
                .isEqualTo(f.get("message").asString().replace(programSerial(other.accountId()), "X"));
        // their program's serial with my account id, a configuration id of theirs: the same
        failure(api(mine).post(V2 + "configs/list", Map.of("programSerialNumber", programSerial(mine.accountId()),
                "accountId", other.accountId())), 404, null);
        FlexConfig theirs = fixtures.fortiGateVm(other, 2, "ENT");
        failure(api(mine).post(V2 + "configs/disable", Map.of("id", theirs.id())), 404, null);
        failure(api(mine).post(V2 + "entitlements/list", Map.of("configId", theirs.id())), 404, null);
        assertThat(configCount(other.accountId())).isEqualTo(before + 1);
    }

    @Test
    void aReadOnlyUserListsButChangesNothing() {
        var c = fixtures.withProgram();
        FlexConfig config = fixtures.fortiGateVm(c, 2, "ENT");
        var vms = fixtures.vms(c, config, 1);
        var ro = fixtures.user(c.accountId(), Permission.READ_ONLY, "ro" + UUID.randomUUID().toString().substring(0, 4));
        var listed = api(ro).post(V2 + "entitlements/list", Map.of("configId", config.id()));
        success(listed);
        JsonNode e = listed.json().get("entitlements").get(0);
        assertThat(e.get("token").asString()).as("tokens are masked for read-only users").isNotEqualTo(vms.get(0).token())
                .doesNotContain(vms.get(0).token().substring(0, 8));
        int before = configCount(c.accountId());
        failure(api(ro).post(V2 + "configs/create", Map.of("programSerialNumber", programSerial(c.accountId()),
                "name", "RO", "productTypeId", 1, "parameters", List.of(p(1, "2"), p(2, "ENT")))), 403, null);
        failure(api(ro).post(V2 + "configs/disable", Map.of("id", config.id())), 403, null);
        failure(api(ro).post(V2 + "entitlements/vm/create", Map.of("configId", config.id(), "count", 1)), 403, null);
        failure(api(ro).post(V2 + "entitlements/vm/token", Map.of("serialNumber", vms.get(0).serialNumber())), 403, null);
        assertThat(configCount(c.accountId())).isEqualTo(before);
        assertThat(jdbc.queryForObject("select token from flex_entitlements where id = ?", String.class, vms.get(0).id()))
                .isEqualTo(vms.get(0).token());
    }

    // ---- entitlements ----

    @Test
    void vmEntitlementsCreateListStopReactivateTokenAndUpdate() {
        var c = fixtures.withProgram();
        FlexConfig config = fixtures.fortiGateVm(c, 2, "ENT");
        FlexConfig bigger = fixtures.fortiGateVm(c, 4, "ENT");
        // as the Postman collection sends it: string id and count, a folder path
        var created = api(c).post(V2 + "entitlements/vm/create", Map.of("configId", String.valueOf(config.id()), "count", "2",
                "description", "VM Entitlements", "folderPath", "My Assets/vm_entitlements"));
        success(created);
        List<JsonNode> vms = list(created.json().get("entitlements"));
        assertThat(vms).hasSize(2);
        JsonNode vm = vms.get(0);
        assertThat(vm.get("status").asString()).isEqualTo("PENDING");
        assertThat(vm.get("tokenStatus").asString()).isEqualTo("NOTUSED");
        assertThat(vm.get("token").asString()).hasSize(20);
        assertThat(vm.get("configId").asLong()).isEqualTo(config.id());
        assertThat(vm.get("accountId").asLong()).isEqualTo(c.accountId());
        assertThat(vm.get("description").asString()).isEqualTo("VM Entitlements");
        assertThat(vm.get("endDate").asString()).isEqualTo(V2Json.date(programEnd(c.accountId())));

        // list, as the Python sample does by accountId + programSerialNumber, and by configId
        var byProgram = api(c).post(V2 + "entitlements/list", Map.of("accountId", c.accountId(),
                "programSerialNumber", programSerial(c.accountId())));
        success(byProgram);
        assertThat(list(byProgram.json().get("entitlements"))).hasSize(2);
        var one = api(c).post(V2 + "entitlements/list", Map.of("configId", config.id(), "serialNumber", vm.get("serialNumber").asString()));
        assertThat(list(one.json().get("entitlements"))).hasSize(1);

        Entitlement active = fixtures.active(c, config);
        var stopped = api(c).post(V2 + "entitlements/stop", Map.of("serialNumber", active.serialNumber()));
        success(stopped);
        assertThat(stopped.json().get("entitlements").get(0).get("status").asString()).isEqualTo("STOPPED");
        var reactivated = api(c).post(V2 + "entitlements/reactivate", Map.of("serialNumber", active.serialNumber()));
        success(reactivated);
        assertThat(reactivated.json().get("entitlements").get(0).get("status").asString()).isEqualTo("ACTIVE");

        var token = api(c).post(V2 + "entitlements/vm/token", Map.of("serialNumber", vm.get("serialNumber").asString()));
        success(token);
        assertThat(token.json().get("entitlements").get(0).get("token").asString()).isNotEqualTo(vm.get("token").asString());

        String end = programEnd(c.accountId()).minusDays(10).toString();
        var updated = api(c).post(V2 + "entitlements/update", Map.of("serialNumber", active.serialNumber(),
                "configId", String.valueOf(bigger.id()), "description", "VM04 UTM", "endDate", end));
        success(updated);
        JsonNode u = updated.json().get("entitlements").get(0);
        assertThat(u.get("configId").asLong()).isEqualTo(bigger.id());
        assertThat(u.get("description").asString()).isEqualTo("VM04 UTM");
        assertThat(u.get("endDate").asString()).isEqualTo(end + "T00:00:00");
        // the same rules as /api/v1: a PENDING VM can't be stopped
        JsonNode refused = failure(api(c).post(V2 + "entitlements/stop", Map.of("serialNumber", vm.get("serialNumber").asString())), 422, null);
        assertThat(refused.get("message").asString()).contains("PENDING");
    }

    @Test
    void hardwareEntitlementsForUnitsOfTheAccount() {
        var c = fixtures.withProgram();
        FlexConfig config = fixtures.fortiGateHardware(c, "FGT60F");
        String unit = fixtures.unit(c.accountId(), "FortiGate", "FGT60F");
        String end = programEnd(c.accountId()).minusMonths(1) + " 00:00:00"; // the Postman sample's date form
        var created = api(c).post(V2 + "entitlements/hardware/create", Map.of("configId", config.id(),
                "serialNumbers", List.of(unit), "endDate", end));
        success(created);
        JsonNode hw = created.json().get("entitlements").get(0);
        assertThat(hw.get("serialNumber").asString()).isEqualTo(unit);
        assertThat(hw.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(hw.get("token").isNull()).isTrue();
        // vm/create on a hardware configuration says which call to use
        JsonNode wrong = failure(api(c).post(V2 + "entitlements/vm/create", Map.of("configId", config.id(), "count", 1)), 400, "configId");
        assertThat(wrong.get("message").asString()).contains("hardware/create");
    }

    @Test
    void anIdempotencyKeyAnswersTheFirstResultAgain() {
        var c = fixtures.withProgram();
        String key = "v2-" + UUID.randomUUID();
        Map<String, Object> body = Map.of("programSerialNumber", programSerial(c.accountId()), "name", "Once",
                "productTypeId", 1, "parameters", List.of(p(1, "2"), p(2, "ENT")));
        var first = api(c).post(V2 + "configs/create", body, Map.of("Idempotency-Key", key));
        var again = api(c).post(V2 + "configs/create", body, Map.of("Idempotency-Key", key));
        success(first);
        success(again);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(configCount(c.accountId())).isEqualTo(1);
        Map<String, Object> other = Map.of("programSerialNumber", programSerial(c.accountId()), "name", "Other",
                "productTypeId", 1, "parameters", List.of(p(1, "2"), p(2, "ENT")));
        failure(api(c).post(V2 + "configs/create", other, Map.of("Idempotency-Key", key)), 422, null);
        assertThat(configCount(c.accountId())).isEqualTo(1);
    }

    @Test
    void authenticationIsTheApiKeyAndUnknownCallsAnswerTheEnvelope() {
        assertThat(new ApiClient(port, null).post(V2 + "programs/list", Map.of()).status()).isEqualTo(401);
        assertThat(new ApiClient(port, "not-a-key").post(V2 + "programs/list", Map.of()).status()).isEqualTo(401);
        JsonNode j = failure(new ApiClient(port, "demo-bob").post(V2 + "groups/list", Map.of("accountId", 1)), 404, null);
        assertThat(j.get("message").asString()).contains("groups/list");
    }
}
