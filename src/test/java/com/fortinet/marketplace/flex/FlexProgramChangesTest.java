package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Extending a program (API), correcting its dates and ending it early (service), on the real database. */
@PortalTest
class FlexProgramChangesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-06-10");

    @LocalServerPort int port;
    @Autowired FlexFixtures fixtures;
    @Autowired FlexProgramService programs;
    @Autowired FlexTransferService transfers;
    @Autowired FlexRollOverJob rollOver;
    @Autowired RecordedProgramChanges recorded;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    ApiClient admin() {
        return new ApiClient(port, "demo-admin");
    }

    String extensions(long accountId) {
        return "/api/v1/admin/accounts/" + accountId + "/flex-program/extensions";
    }

    @Test
    void anotherTermExtendsTheEndOnceAndTellsTheEntitlements() {
        clock.setBusinessDate(TODAY);
        var c = fixtures.customer();
        FlexProgram p = fixtures.program(c.accountId(), FlexProgramType.PREPAID, LocalDate.parse("2026-01-10"), LocalDate.parse("2027-01-10"));
        String key = UUID.randomUUID().toString();

        var r = admin().post(extensions(c.accountId()), Map.of("months", 36), Map.of("Idempotency-Key", key));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("endDate").asString()).isEqualTo("2030-01-10");
        assertThat(r.json().get("startDate").asString()).isEqualTo("2026-01-10");
        assertThat(r.json().get("serialNumber").asString()).isEqualTo(p.serialNumber());

        // the same request again: the first answer, not a second extension
        var again = raw(extensions(c.accountId()), "{\"months\": 36}", key);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).contains("\"endDate\":\"2030-01-10\"");
        // the same key for another term is another request: refused, nothing changed
        assertThat(admin().post(extensions(c.accountId()), Map.of("months", 12), Map.of("Idempotency-Key", key)).status())
                .isEqualTo(422);
        assertThat(programs.ofAccount(c.accountId()).orElseThrow().endDate()).isEqualTo(LocalDate.parse("2030-01-10"));

        // a new key extends again
        assertThat(admin().post(extensions(c.accountId()), Map.of("months", 12)).json().get("endDate").asString())
                .isEqualTo("2031-01-10");
        assertThat(jdbc.queryForObject("select count(*) from flex_program_changes where program_id = ? and change_kind = 'EXTENDED'",
                Integer.class, p.id())).isEqualTo(2);

        // entitlements' listener heard each change inside its transaction, with the old and new end
        assertThat(recorded.of(p.id())).hasSize(2).allSatisfy(s -> assertThat(s.inTransaction()).isTrue());
        var first = recorded.of(p.id()).get(0).event();
        assertThat(first.kind()).isEqualTo(ProgramChange.Kind.EXTENDED);
        assertThat(first.previousEnd()).isEqualTo(LocalDate.parse("2027-01-10"));
        assertThat(first.endDate()).isEqualTo(LocalDate.parse("2030-01-10"));
        assertThat(first.endChanged()).isTrue();
    }

    @Test
    void anEndedProgramsNewTermStartsToday() {
        clock.setBusinessDate(TODAY);
        var c = fixtures.customer();
        fixtures.program(c.accountId(), FlexProgramType.POSTPAID, LocalDate.parse("2024-01-10"), LocalDate.parse("2025-01-10"));
        var r = admin().post(extensions(c.accountId()), Map.of("months", 12));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("endDate").asString()).isEqualTo("2027-06-10");
    }

    @Test
    void badExtensionsAreRefusedAndChangeNothing() {
        clock.setBusinessDate(TODAY);
        var c = fixtures.customer();
        FlexProgram p = fixtures.program(c.accountId(), FlexProgramType.PREPAID, LocalDate.parse("2026-01-10"), LocalDate.parse("2027-01-10"));
        for (String body : new String[]{"{\"months\": 13}", "{\"months\": 0}", "{\"months\": \"12\"}", "{\"months\": 12.5}",
                "{}", "not json", "{\"months\": null}"}) {
            var r = admin().post(extensions(c.accountId()), body);
            assertThat(r.status()).as(body + " → " + r).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
        }
        assertThat(admin().post(extensions(c.accountId()), "{\"months\": 24}").json().get("detail").asString())
                .contains("12, 36 or 60 months");
        assertThat(new ApiClient(port, "demo-bob").post(extensions(c.accountId()), Map.of("months", 12)).status()).isEqualTo(403);
        assertThat(admin().post(extensions(999_999_999L), Map.of("months", 12)).status()).isEqualTo(404);
        var none = fixtures.customer();
        var noProgram = admin().post(extensions(none.accountId()), Map.of("months", 12));
        assertThat(noProgram.status()).isEqualTo(404);
        assertThat(noProgram.json().get("detail").asString()).contains("no FortiFlex program to extend");
        assertThat(programs.ofAccount(c.accountId()).orElseThrow().endDate()).isEqualTo(p.endDate());
        assertThat(recorded.of(p.id())).isEmpty();
    }

    @Test
    void endingEarlyStopsTransfersFromThatDay() {
        clock.setBusinessDate(TODAY);
        var c = fixtures.customer();
        fixtures.pack(c.accountId(), "FC-10-FPNTS-1K", TODAY.minusDays(5));
        FlexProgram p = fixtures.program(c.accountId(), FlexProgramType.PREPAID, TODAY.minusMonths(5), TODAY.plusYears(2));
        transfers.transfer(c.accountId(), 100, "before-end", c.userId(), c.email());

        assertThatThrownBy(() -> programs.endEarly(p.id(), TODAY.minusDays(1), c.userId()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("can't end before today");
        assertThatThrownBy(() -> programs.endEarly(p.id(), TODAY.plusYears(3), c.userId()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ending early needs an earlier date");

        FlexProgram ended = programs.endEarly(p.id(), TODAY, c.userId());
        assertThat(ended.endDate()).isEqualTo(TODAY);
        assertThat(ended.hasEnded(TODAY)).isTrue();
        assertThatThrownBy(() -> transfers.transfer(c.accountId(), 10, "after-end", c.userId(), c.email()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("ended on " + TODAY);
        assertThat(recorded.of(p.id())).singleElement().satisfies(s -> {
            assertThat(s.event().kind()).isEqualTo(ProgramChange.Kind.ENDED);
            assertThat(s.event().endDate()).isEqualTo(TODAY);
        });
        FlexLedgerInvariants.assertHold(jdbc, p.id());
    }

    @Test
    void theStartCannotMovePastPointsOrARollOver() {
        var c = fixtures.customer();
        LocalDate start = LocalDate.parse("2025-03-10");
        fixtures.pack(c.accountId(), "FC-10-FPNTS-1K", start);
        FlexProgram p = fixtures.program(c.accountId(), FlexProgramType.PREPAID, start, start.plusYears(3));
        clock.setBusinessDate(start.plusDays(20));
        transfers.transfer(c.accountId(), 100, "t", c.userId(), c.email());

        assertThatThrownBy(() -> programs.editDates(p.id(), start.plusDays(21), p.endDate(), c.userId()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at the latest");
        FlexProgram moved = programs.editDates(p.id(), start.plusDays(20), p.endDate(), c.userId());
        assertThat(moved.startDate()).isEqualTo(start.plusDays(20));

        LocalDate anniversary = moved.startDate().plusYears(1);
        clock.setBusinessDate(anniversary);
        assertThat(rollOver.rollOver(p.id(), anniversary)).hasSize(1);
        assertThatThrownBy(() -> programs.editDates(p.id(), start, moved.endDate(), c.userId()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("can no longer change");
        assertThatThrownBy(() -> programs.editDates(p.id(), moved.startDate(), moved.endDate(), c.userId()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nothing to change");
        assertThat(jdbc.queryForObject("select count(*) from flex_program_changes where program_id = ?", Integer.class, p.id()))
                .isEqualTo(1);
    }

    private HttpResponse<String> raw(String path, String json, String key) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer demo-admin").header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
