package com.fortinet.marketplace.points;

import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.security.ApiKeys;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import com.fortinet.marketplace.time.BusinessClock;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class PointsNotificationTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final LocalDate TODAY = LocalDate.parse("2026-09-01");

    @Autowired AccountService accounts;
    @Autowired UserService users;
    @Autowired ApiKeys keys;
    @Autowired RegistrationCodes codes;
    @Autowired PackService packs;
    @Autowired SpendingService spending;
    @Autowired PointsNotifier notifier;
    @Autowired Mailer mailer;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired TestClock clock;
    @Autowired BusinessClock businessClock;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void usageAndExpiryNoticesGoOnceToTheAccountsUsersAndItsPartners() {
        clock.setBusinessDate(TODAY);
        var fx = new PointsFixtures(accounts, users, keys, codes);
        var customer = fx.customer();
        long partner = fx.partnerAccount("Notified partner");
        accounts.link(partner, customer.accountId());
        var partnerUser = fx.user(partner, Role.PARTNER_USER, Permission.READ_ONLY);
        // expires in 20 days; 8,500 of 10,000 used = 85 %
        packs.addPack(customer.accountId(), "FC-10-FPNTS-10K", TODAY.minusYears(3).plusDays(20), PackService.Source.IMPORT, null, null);
        tx.executeWithoutResult(s -> spending.spend(new SpendRequest(customer.accountId(), 8_500, LedgerKind.ORDER_CHARGED, "FMP-N", "n1")));

        assertThat(notifier.run(customer.accountId())).isEqualTo(2);
        assertThat(notifier.run(customer.accountId())).as("each notice once").isZero();

        List<Mailer.OutboxMessage> toCustomer = mailer.recent(10, customer.email());
        assertThat(toCustomer).extracting(Mailer.OutboxMessage::subject).anySatisfy(s -> assertThat(s).contains("80% of your points used"))
                .anySatisfy(s -> assertThat(s).contains("1,500 points expire in 20 days"));
        assertThat(toCustomer).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo("OUTBOX"); // no SMTP configured in tests
            assertThat(m.body()).contains("/accounts/" + customer.accountId() + "/points");
        });
        assertThat(mailer.recent(10, partnerUser.email())).hasSize(2);

        // ten days later the 7-day notice follows; the 30-day one isn't repeated
        clock.setBusinessDate(TODAY.plusDays(14));
        assertThat(notifier.run(customer.accountId())).isEqualTo(1);
        assertThat(mailer.recent(10, customer.email()).get(0).subject()).contains("expire in 6 days");
    }

    @Test
    void withSmtpConfiguredTheMessageIsDeliveredAndRecorded() throws Exception {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("localhost");
        smtp.setPort(greenMail.getSmtp().getPort());
        Mailer viaSmtp = new Mailer(jdbc, smtp, businessClock, "FortiMarketplace <no-reply@marketplace.example>");
        String to = "smtp-" + System.nanoTime() + "@example.test";

        viaSmtp.send(List.of(to), "FortiPoints: 90% of your points used — Acme", "Hello,\n\nbody text", null);

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("FortiPoints: 90% of your points used — Acme");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(to);
        assertThat(GreenMailUtil.getBody(received[0])).contains("body text");
        assertThat(mailer.recent(1, to)).singleElement().extracting(Mailer.OutboxMessage::status).isEqualTo("SENT");
    }

    @Test
    void anUnreachableSmtpServerIsRecordedAsFailed() {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("localhost");
        smtp.setPort(1); // nothing listens there
        Mailer viaSmtp = new Mailer(jdbc, smtp, businessClock, "no-reply@marketplace.example");
        String to = "down-" + System.nanoTime() + "@example.test";
        viaSmtp.send(List.of(to), "Subject", "Body", null);
        assertThat(mailer.recent(1, to)).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo("FAILED");
            assertThat(m.error()).isNotBlank();
        });
    }
}
