package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.PartnerLinks;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.database.Transactions;
import com.fortinet.marketplace.flex.FlexLedger;
import com.fortinet.marketplace.flex.FlexLedgerInvariants;
import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexProgramService;
import com.fortinet.marketplace.flex.FlexProgramType;
import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.flex.configs.ConfigService;
import com.fortinet.marketplace.flex.configs.FlexConfig;
import com.fortinet.marketplace.flex.entitlements.AssetFixtures;
import com.fortinet.marketplace.flex.entitlements.AssetFixtures.Customer;
import com.fortinet.marketplace.flex.entitlements.Entitlement;
import com.fortinet.marketplace.flex.entitlements.EntitlementService;
import com.fortinet.marketplace.flex.entitlements.EntitlementStartGate;
import com.fortinet.marketplace.flex.entitlements.TokenActivation;
import com.fortinet.marketplace.points.Mailer;
import com.fortinet.marketplace.points.PortalMailProperties;
import com.fortinet.marketplace.support.ApiClient;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import com.fortinet.marketplace.time.BusinessClock;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prepaid overage and consumption alerts (DESIGN §4.4) on the real database and over HTTP: usage takes the balance
 * below zero while running entitlements continue; at a balance ≤ 0 creating and reactivating are refused with §4.4's
 * message (API problem, page message) and nothing changes; the 80/90/100 % alerts go once each to the account's users
 * and its partners' users, and the program page says so.
 */
@PortalTest
class FlexOverageAndAlertsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired AssetFixtures fixtures;
    @Autowired AccountService accountService;
    @Autowired UserService users;
    @Autowired FlexProgramService programService;
    @Autowired EntitlementService entitlements;
    @Autowired ConfigService configs;
    @Autowired TokenActivation activation;
    @Autowired DailyUsageWriter writer;
    @Autowired FlexUsageJob job;
    @Autowired FlexUsageAlerts alerts;
    @Autowired FlexLedger ledger;
    @Autowired FlexPrograms programs;
    @Autowired ProgramYears years;
    @Autowired PartnerLinks links;
    @Autowired AccountRepository accounts;
    @Autowired Transactions transactions;
    @Autowired Mailer mailer;
    @Autowired BusinessClock clock;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aPrepaidProgramWithNoPointsStartsNothing() {
        Customer c = fixtures.customer(Permission.READ_WRITE);
        LocalDate today = clock.today();
        programService.create(c.accountId(), FlexProgramType.PREPAID, null, today.minusDays(3), today.plusYears(1), null);
        FlexConfig config = fixtures.fortiGateVm(c, 2, "ENT");
        var api = new ApiClient(port, c.apiKey());
        var refused = api.post("/api/v1/accounts/" + c.accountId() + "/flex/entitlements", Map.of("configId", config.id(), "count", 1));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asText()).isEqualTo(EntitlementStartGate.NO_POINTS);
        assertThat(entitlementCount(c)).isZero();

        // A postpaid program has no balance: usage is billed, nothing is refused.
        Customer p = fixtures.customer(Permission.READ_WRITE);
        fixtures.program(p.accountId(), FlexProgramType.POSTPAID);
        FlexConfig postpaidConfig = fixtures.fortiGateVm(p, 2, "ENT");
        assertThat(new ApiClient(port, p.apiKey()).post("/api/v1/accounts/" + p.accountId() + "/flex/entitlements",
                Map.of("configId", postpaidConfig.id(), "count", 1)).status()).isEqualTo(201);
    }

    /**
     * 1,000 points and a VM on 32 CPUs (about 103 points a day) for 30 days: the balance goes below zero, the running
     * VM keeps being charged, creating and reactivating are refused on the page and in the API and change nothing;
     * the job's run e-mailed each alert once.
     */
    @Test
    void overageRefusesNewEntitlementsButRunningOnesContinue() {
        Customer c = fixtures.withProgram();
        FlexProgram program = programService.ofAccount(c.accountId()).orElseThrow();
        FlexConfig big = vmConfig(c, 32, "ENT", program.startDate());
        Entitlement running = vm(c, big, program.startDate());
        Entitlement stopped = vm(c, big, program.startDate());
        entitlements.stopAt(c.accountId(), List.of(stopped.serialNumber()), c.actor(), at(program.startDate(), 0, 12));

        var run = job.runFor(clock.today());
        assertThat(run.failed()).isZero();
        FlexPoints balance = ledger.balance(program.id());
        assertThat(balance.isNegative()).as("usage took the balance below zero: %s", balance).isTrue();
        assertThat(mailer.recent(20, c.email())).extracting(Mailer.OutboxMessage::subject)
                .filteredOn(s -> s.startsWith("FortiFlex:")).hasSize(3);

        int entitlementsBefore = entitlementCount(c);
        int eventsBefore = jdbc.queryForObject("select count(*) from flex_entitlement_events ev join flex_entitlements e "
                + "on e.id = ev.entitlement_id where e.account_id = ?", Integer.class, c.accountId());
        var api = new ApiClient(port, c.apiKey());
        String base = "/api/v1/accounts/" + c.accountId() + "/flex/entitlements";
        var create = api.post(base, Map.of("configId", big.id(), "count", 2), Map.of("Idempotency-Key", "over-1"));
        assertThat(create.status()).isEqualTo(422);
        assertThat(create.json().get("detail").asText()).isEqualTo(EntitlementStartGate.NO_POINTS);
        var reactivate = api.post(base + "/reactivate", Map.of("serialNumbers", List.of(stopped.serialNumber())));
        assertThat(reactivate.status()).isEqualTo(422);
        assertThat(reactivate.json().get("detail").asText()).isEqualTo(EntitlementStartGate.NO_POINTS);

        WebSession web = WebSession.signedIn(port, c.email(), c.password());
        String pages = "/accounts/" + c.accountId() + "/flex/entitlements";
        String key = key(web.get(pages + "/new?configId=" + big.id()));
        var page = web.postForm(pages, List.of(Map.entry("idempotencyKey", key), Map.entry("configId", String.valueOf(big.id())),
                Map.entry("count", "1"), Map.entry("termination", "program")));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("The program has no points left: transfer FortiPoints or register a FortiFlex points pack first.");

        assertThat(entitlementCount(c)).as("refusals change nothing").isEqualTo(entitlementsBefore);
        assertThat(jdbc.queryForObject("select count(*) from flex_entitlement_events ev join flex_entitlements e "
                + "on e.id = ev.entitlement_id where e.account_id = ?", Integer.class, c.accountId())).isEqualTo(eventsBefore);
        assertThat(ledger.balance(program.id())).isEqualTo(balance);
        assertThat(status(stopped)).isEqualTo("STOPPED");
        assertThat(status(running)).isEqualTo("ACTIVE");

        // The program page tells why.
        assertThat(web.get("/accounts/" + c.accountId() + "/flex").body()).contains("id=\"flex-usage-alert\"")
                .contains("FortiFlex points are used");
        FlexLedgerInvariants.assertHold(jdbc, program.id());
    }

    /**
     * Day by day, as the nightly job would: the 80, 90 and 100 % alerts each go out once, on the first day the year's
     * consumption reaches them, to the account's user and the partner's user, over SMTP.
     */
    @Test
    void eachAlertIsSentOnceWhenItsThresholdIsReached() throws Exception {
        Customer c = fixtures.withProgram();
        var partner = accountService.create("Alert partner " + UUID.randomUUID().toString().substring(0, 6),
                AccountType.PARTNER, Region.EMEA);
        accountService.link(partner.getId(), c.accountId());
        String partnerEmail = "alert-partner-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        users.create(new UserService.NewUser(partnerEmail, "Partner", "password-partner", Role.PARTNER_USER,
                Permission.READ_ONLY, partner.getId()));
        FlexProgram program = programService.ofAccount(c.accountId()).orElseThrow();
        FlexConfig big = vmConfig(c, 32, "ENT", program.startDate());
        FlexPoints perDay = FlexPoints.of(big.pointsPerDay());
        vm(c, big, program.startDate());

        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("localhost");
        smtp.setPort(greenMail.getSmtp().getPort());
        FlexUsageAlerts viaSmtp = new FlexUsageAlerts(jdbc, programs, years, ledger, links, accounts,
                new Mailer(jdbc, smtp, clock, "FortiMarketplace <no-reply@marketplace.example>"), transactions,
                new PortalMailProperties("http://portal.test", new PortalMailProperties.Mail("FortiMarketplace <no-reply@marketplace.example>")));

        Map<Integer, List<LocalDate>> sentOn = new LinkedHashMap<>();
        for (LocalDate today = program.startDate().plusDays(1); !today.isAfter(clock.today()); today = today.plusDays(1)) {
            writer.catchUp(program.id(), today);
            for (var a : viaSmtp.check(program.id(), today.minusDays(1))) {
                sentOn.computeIfAbsent(a.threshold(), t -> new ArrayList<>()).add(a.asOf());
            }
            assertThat(viaSmtp.check(program.id(), today.minusDays(1))).as("checked again the same day").isEmpty();
        }
        // 1,000 points available: threshold t is reached after ceil(t × 10 / perDay) days of usage.
        Map<Integer, List<LocalDate>> expected = new LinkedHashMap<>();
        for (int t : UsageThresholds.THRESHOLDS) {
            long days = (FlexPoints.of(10L * t).hundredths() + perDay.hundredths() - 1) / perDay.hundredths();
            expected.put(t, List.of(program.startDate().plusDays(days - 1)));
        }
        assertThat(sentOn).isEqualTo(expected);
        assertThat(alerts.ofYear(program.id(), program.startDate())).extracting(FlexUsageAlerts.Alert::threshold)
                .containsExactly(80, 90, 100);

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(6);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : received) {
            subjects.add(m.getAllRecipients()[0] + " " + m.getSubject());
        }
        String name = accounts.findById(c.accountId()).orElseThrow().getName();
        assertThat(subjects).containsExactlyInAnyOrder(
                c.email() + " FortiFlex: 80% of this year's points used — " + name,
                c.email() + " FortiFlex: 90% of this year's points used — " + name,
                c.email() + " FortiFlex: all of this year's points used — " + name,
                partnerEmail + " FortiFlex: 80% of this year's points used — " + name,
                partnerEmail + " FortiFlex: 90% of this year's points used — " + name,
                partnerEmail + " FortiFlex: all of this year's points used — " + name);
        assertThat(Arrays.stream(received).map(GreenMailUtil::getBody).toList())
                .allSatisfy(b -> assertThat(b).contains("http://portal.test/accounts/" + c.accountId() + "/flex"));
        FlexLedgerInvariants.assertHold(jdbc, program.id());
    }

    @Test
    void thresholdsAreExactHundredths() {
        assertThat(UsageThresholds.reached(FlexPoints.parse("1000.00"), FlexPoints.parse("799.99"))).isEmpty();
        assertThat(UsageThresholds.reached(FlexPoints.parse("1000.00"), FlexPoints.parse("800.00"))).containsExactly(80);
        assertThat(UsageThresholds.reached(FlexPoints.parse("1000.00"), FlexPoints.parse("899.99"))).containsExactly(80);
        assertThat(UsageThresholds.reached(FlexPoints.parse("1000.00"), FlexPoints.parse("900.00"))).containsExactly(80, 90);
        assertThat(UsageThresholds.reached(FlexPoints.parse("1000.00"), FlexPoints.parse("999.99"))).containsExactly(80, 90);
        assertThat(UsageThresholds.reached(FlexPoints.parse("1000.00"), FlexPoints.parse("1000.00"))).containsExactly(80, 90, 100);
        assertThat(UsageThresholds.reached(FlexPoints.parse("0.01"), FlexPoints.parse("0.01"))).containsExactly(80, 90, 100);
        assertThat(UsageThresholds.reached(FlexPoints.ZERO, FlexPoints.ZERO)).isEmpty();
        assertThat(UsageThresholds.reached(FlexPoints.parse("-50"), FlexPoints.parse("0.01"))).containsExactly(80, 90, 100);
        assertThat(UsageThresholds.percent(FlexPoints.parse("1000"), FlexPoints.parse("899.99"))).isEqualTo(89);
    }

    private Entitlement vm(Customer c, FlexConfig config, LocalDate start) {
        Entitlement e = entitlements.createAt(c.accountId(), new EntitlementService.NewEntitlements(config.id(), 1L, null,
                "overage test", null), c.actor(), at(start, 0, 9)).get(0);
        activation.activateAt(e.token(), "192.0.2.9", at(start, 0, 10));
        return e;
    }

    private static Instant at(LocalDate day, int plusDays, int hour) {
        return day.plusDays(plusDays).atTime(LocalTime.of(hour, 0)).atZone(BusinessClock.ZONE).toInstant();
    }

    private int entitlementCount(Customer c) {
        return jdbc.queryForObject("select count(*) from flex_entitlements where account_id = ?", Integer.class, c.accountId());
    }

    private String status(Entitlement e) {
        return jdbc.queryForObject("select status from flex_entitlements where id = ?", String.class, e.id());
    }

    private static String key(WebSession.Page page) {
        Matcher m = KEY.matcher(page.body());
        assertThat(m.find()).as("the form carries an idempotency key").isTrue();
        return m.group(1);
    }

    /** A FortiGate-VM configuration created at 08:00 Pacific on {@code day} (before the history that uses it). */
    private FlexConfig vmConfig(Customer c, int cpus, String pkg, LocalDate day) {
        return configs.createAt(c.accountId(), "VM " + cpus + " " + pkg, 1, java.util.Map.of(1, List.of(String.valueOf(cpus)),
                2, List.of(pkg)), c.actor(), day.atTime(LocalTime.of(8, 0)).atZone(BusinessClock.ZONE).toInstant());
    }
}
