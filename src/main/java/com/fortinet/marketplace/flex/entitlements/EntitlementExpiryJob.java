package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.flex.FlexIdempotency;
import com.fortinet.marketplace.time.BusinessClock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Just after midnight Pacific, entitlements whose end date has come become EXPIRED (on one instance: ShedLock). Pages,
 * the API and every change also expire what is due first, so a missed run shows nowhere. Also forgets FortiFlex
 * idempotency keys older than a week.
 */
@Component
class EntitlementExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(EntitlementExpiryJob.class);

    private final EntitlementService entitlements;
    private final FlexIdempotency idempotency;
    private final BusinessClock clock;

    EntitlementExpiryJob(EntitlementService entitlements, FlexIdempotency idempotency, BusinessClock clock) {
        this.entitlements = entitlements;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "America/Los_Angeles")
    @SchedulerLock(name = "flex-entitlement-expiry", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void daily() {
        int expired = entitlements.expireDue(null);
        int forgotten = idempotency.forgetOlderThan(clock.now().minus(Duration.ofDays(7)));
        if (expired > 0 || forgotten > 0) {
            log.info("FortiFlex: {} entitlements expired, {} idempotency keys forgotten", expired, forgotten);
        }
    }
}
