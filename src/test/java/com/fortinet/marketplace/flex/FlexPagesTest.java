package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.points.LedgerInvariants;
import com.fortinet.marketplace.points.SpendingService;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The FortiFlex pages over real HTTP: double submit, scope, read-only. */
@PortalTest
class FlexPagesTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired FlexFixtures fixtures;
    @Autowired SpendingService spending;
    @Autowired FlexLedger ledger;
    @Autowired BusinessClock clock;
    @Autowired AccountRepository accounts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void submittingTheSameConfirmFormTwiceChargesOnce() {
        LocalDate today = clock.today();
        var c = fixtures.customer();
        fixtures.pack(c.accountId(), "FC-10-FPNTS-1K", today.minusDays(3));
        FlexProgram program = fixtures.program(c.accountId(), FlexProgramType.PREPAID, today.minusDays(3), today.plusYears(1));
        WebSession web = WebSession.signedIn(port, c.email(), c.password());

        var preview = web.get("/accounts/" + c.accountId() + "/flex/transfer?points=250");
        assertThat(preview.status()).isEqualTo(200);
        Matcher m = TOKEN.matcher(preview.body());
        assertThat(m.find()).as("confirm form carries a token").isTrue();
        assertThat(preview.body()).contains("data-once");
        Map<String, String> form = Map.of("points", "250", "token", m.group(1));

        var first = web.post("/accounts/" + c.accountId() + "/flex/transfer", form);
        var second = web.post("/accounts/" + c.accountId() + "/flex/transfer", form);

        assertThat(first.status()).isEqualTo(302);
        assertThat(second.status()).isEqualTo(302);
        assertThat(second.location()).isEqualTo(first.location()).contains("/flex/transfers/");
        assertThat(spending.balance(c.accountId())).isEqualTo(750);
        assertThat(ledger.balance(program.id())).isEqualTo(FlexPoints.of(250));
        LedgerInvariants.assertHold(jdbc, c.accountId());
        FlexLedgerInvariants.assertHold(jdbc, program.id());
        var done = web.get(first.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(done.body()).contains(program.serialNumber()).contains("250.00");
    }

    @Test
    void otherAccountsFlexPagesDoNotExist() {
        long globex = accounts.findAllByOrderByName().stream().filter(a -> a.getName().equals("Globex")).findFirst().orElseThrow().getId();
        WebSession alice = WebSession.signedIn(port, "alice@acme.demo.test");
        assertThat(alice.get("/accounts/" + globex + "/flex").status()).isEqualTo(404);
        assertThat(alice.get("/accounts/" + globex + "/flex/transfer").status()).isEqualTo(404);
        alice.get("/accounts/" + accounts.findAllByOrderByName().stream().filter(a -> a.getName().equals("Acme")).findFirst().orElseThrow().getId() + "/flex");
        assertThat(alice.post("/accounts/" + globex + "/flex/transfer", Map.of("points", "1", "token", "x")).status()).isEqualTo(404);
    }

    @Test
    void readOnlyUserSeesTheProgramButCannotTransfer() {
        LocalDate today = clock.today();
        var rw = fixtures.customer();
        fixtures.program(rw.accountId(), FlexProgramType.PREPAID, today.minusDays(3), today.plusYears(1));
        var ro = fixtures.users.create(new com.fortinet.marketplace.accounts.UserService.NewUser(
                "ro-" + rw.email(), "Reader", "password-ro-1", com.fortinet.marketplace.accounts.Role.CUSTOMER_USER,
                Permission.READ_ONLY, rw.accountId()));
        WebSession web = WebSession.signedIn(port, ro.getEmail(), "password-ro-1");
        var page = web.get("/accounts/" + rw.accountId() + "/flex/transfer");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("read-only").doesNotContain("name=\"points\"");
        assertThat(web.post("/accounts/" + rw.accountId() + "/flex/transfer", Map.of("points", "1", "token", "x")).status())
                .isEqualTo(403);
    }

    @Test
    void acmeHasNoProgramAndIsToldWhatToDo() {
        WebSession alice = WebSession.signedIn(port, "alice@acme.demo.test");
        long acme = accounts.findAllByOrderByName().stream().filter(a -> a.getName().equals("Acme")).findFirst().orElseThrow().getId();
        var page = alice.get("/accounts/" + acme + "/flex/transfer");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("has no FortiFlex program").contains("Ask your Fortinet account manager");
    }
}
