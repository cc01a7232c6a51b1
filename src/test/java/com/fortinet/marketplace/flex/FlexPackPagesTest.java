package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.points.PackRegistration;
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

/** The FortiFlex points pack page over real HTTP: double submit, errors at the field, refusals, read-only. */
@PortalTest
class FlexPackPagesTest {

    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired FlexFixtures fixtures;
    @Autowired FlexLedger ledger;
    @Autowired BusinessClock clock;
    @Autowired JdbcTemplate jdbc;

    @Test
    void submittingTheSameFormTwiceRegistersOnce() {
        LocalDate today = clock.today();
        var c = fixtures.customer();
        FlexProgram program = fixtures.program(c.accountId(), FlexProgramType.PREPAID, today.minusDays(3), today.plusYears(1));
        WebSession web = WebSession.signedIn(port, c.email(), c.password());
        String path = "/accounts/" + c.accountId() + "/flex/packs/register";

        var form = web.get(path);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains(program.serialNumber()).contains("data-once");
        Matcher m = KEY.matcher(form.body());
        assertThat(m.find()).isTrue();
        Map<String, String> fields = Map.of("registrationCode", fixtures.code("LIC-ELAVM-10K"), "idempotencyKey", m.group(1));

        var first = web.post(path, fields);
        var second = web.post(path, fields);
        assertThat(first.status()).isEqualTo(302);
        assertThat(second.location()).isEqualTo(first.location()).contains("registered=");
        assertThat(ledger.balance(program.id())).isEqualTo(FlexPoints.of(10_000));
        FlexLedgerInvariants.assertHold(jdbc, program.id());

        var done = web.get(first.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(done.body()).contains("FortiFlex points pack registered").contains("10,000.00 FortiFlex points");
        var programPage = web.get("/accounts/" + c.accountId() + "/flex");
        assertThat(programPage.body()).contains("FortiFlex points pack").contains("LIC-ELAVM-10K").contains("+10,000.00");
    }

    @Test
    void mistakesAreShownAtTheFieldAndChangeNothing() {
        LocalDate today = clock.today();
        var c = fixtures.customer();
        FlexProgram program = fixtures.program(c.accountId(), FlexProgramType.PREPAID, today.minusDays(3), today.plusYears(1));
        WebSession web = WebSession.signedIn(port, c.email(), c.password());
        String path = "/accounts/" + c.accountId() + "/flex/packs/register";
        web.get(path);

        var sku = web.post(path, Map.of("registrationCode", "LIC-ELAVM-10K", "idempotencyKey", "k1"));
        assertThat(sku.status()).isEqualTo(400);
        assertThat(sku.body()).contains("id=\"registrationCode-error\"").contains("That is a SKU, not a registration code");
        var fortiPoints = web.post(path, Map.of("registrationCode", fixtures.code("FC-10-FPNTS-1K"), "idempotencyKey", "k2"));
        assertThat(fortiPoints.status()).isEqualTo(422);
        assertThat(fortiPoints.body()).contains("id=\"registrationCode-error\"").contains("for a FortiPoints pack, not FortiFlex points");
        assertThat(ledger.balance(program.id())).isEqualTo(FlexPoints.ZERO);

        // …and a FortiFlex code on the FortiPoints page says where it belongs
        web.get("/accounts/" + c.accountId() + "/points/register");
        var onPoints = web.post("/accounts/" + c.accountId() + "/points/register",
                Map.of("registrationCode", fixtures.code("LIC-ELAVM-50K"), "idempotencyKey", "k3"));
        assertThat(onPoints.status()).isEqualTo(422);
        assertThat(onPoints.body()).contains("id=\"registrationCode-error\"").contains("register it on the account&#39;s FortiFlex page");
        assertThat(PackRegistration.WRONG_KIND_MESSAGE).contains("FortiFlex page");
    }

    @Test
    void postpaidAndNoProgramSeeWhyBeforeTyping() {
        LocalDate today = clock.today();
        var postpaid = fixtures.customer();
        fixtures.program(postpaid.accountId(), FlexProgramType.POSTPAID, today.minusDays(3), today.plusYears(1));
        var page = WebSession.signedIn(port, postpaid.email(), postpaid.password())
                .get("/accounts/" + postpaid.accountId() + "/flex/packs/register");
        assertThat(page.body()).contains("postpaid MSSP programs are billed monthly").doesNotContain("name=\"registrationCode\"");
        var program = WebSession.signedIn(port, postpaid.email(), postpaid.password()).get("/accounts/" + postpaid.accountId() + "/flex");
        assertThat(program.body()).doesNotContain("Register a FortiFlex points pack");

        var none = fixtures.customer();
        var nonePage = WebSession.signedIn(port, none.email(), none.password()).get("/accounts/" + none.accountId() + "/flex/packs/register");
        assertThat(nonePage.body()).contains("has no FortiFlex program").doesNotContain("name=\"registrationCode\"");
    }

    @Test
    void readOnlyUsersSeeNoFormAndCannotPost() {
        LocalDate today = clock.today();
        var rw = fixtures.customer();
        fixtures.program(rw.accountId(), FlexProgramType.PREPAID, today.minusDays(3), today.plusYears(1));
        var ro = fixtures.users.create(new UserService.NewUser("ro-" + rw.email(), "Reader", "password-ro-1",
                Role.CUSTOMER_USER, Permission.READ_ONLY, rw.accountId()));
        WebSession web = WebSession.signedIn(port, ro.getEmail(), "password-ro-1");
        var page = web.get("/accounts/" + rw.accountId() + "/flex/packs/register");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("read-only").doesNotContain("name=\"registrationCode\"");
        assertThat(web.post("/accounts/" + rw.accountId() + "/flex/packs/register",
                Map.of("registrationCode", fixtures.code("LIC-ELAVM-10K"), "idempotencyKey", "x")).status()).isEqualTo(403);
        assertThat(WebSession.signedIn(port, "alice@acme.demo.test").get("/accounts/" + rw.accountId() + "/flex/packs/register")
                .status()).isEqualTo(404);
    }
}
