package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.flex.configs.FlexConfig;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import com.fortinet.marketplace.time.BusinessClock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class EntitlementExpiryJobTest {

    @Autowired EntitlementExpiryJob job;
    @Autowired AssetFixtures fixtures;
    @Autowired EntitlementService entitlements;
    @Autowired BusinessClock clock;
    @Autowired TestClock testClock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void reset() {
        testClock.reset();
    }

    @Test
    void runsAfterMidnightPacificOnOneInstance() throws Exception {
        var daily = EntitlementExpiryJob.class.getMethod("daily");
        Scheduled scheduled = daily.getAnnotation(Scheduled.class);
        assertThat(scheduled.cron()).isEqualTo("0 5 0 * * *");
        assertThat(scheduled.zone()).isEqualTo("America/Los_Angeles");
        assertThat(daily.getAnnotation(SchedulerLock.class).name()).isEqualTo("flex-entitlement-expiry");
    }

    @Test
    void theDailyRunExpiresWhatIsDueOnEveryAccountAndForgetsOldIdempotencyKeys() {
        var c = fixtures.withProgram();
        FlexConfig config = fixtures.fortiGateVm(c, 1, "FC");
        LocalDate end = clock.today().plusDays(2);
        Entitlement e = entitlements.create(c.accountId(), new EntitlementService.NewEntitlements(config.id(), 1L, null, null, end),
                c.actor()).get(0);
        jdbc.update("insert into idempotency_keys (account_id, idem_key, operation, request_hash, result, created_at) "
                + "values (?, 'old', 'flex', unhex(repeat('00', 32)), '{}', ?)", c.accountId(),
                java.sql.Timestamp.from(clock.now().minus(java.time.Duration.ofDays(8))));

        testClock.setBusinessDate(end);
        job.daily();
        String status = jdbc.queryForObject("select status from flex_entitlements where id = ?", String.class, e.id());
        assertThat(status).isEqualTo("EXPIRED");
        assertThat(jdbc.queryForObject("select count(*) from idempotency_keys where account_id = ? and idem_key = 'old'",
                Integer.class, c.accountId())).isZero();
        job.daily();
        assertThat(jdbc.queryForObject("select count(*) from flex_entitlement_events where entitlement_id = ? and kind = 'EXPIRED'",
                Integer.class, e.id())).isEqualTo(1);
    }
}
