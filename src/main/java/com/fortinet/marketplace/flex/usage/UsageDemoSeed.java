package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.demo.DemoSeed;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.stereotype.Component;

/**
 * Globex's weeks of usage history (DESIGN §6): the daily job writes every finished day of the demo programs from the
 * entitlement history the assets seed wrote (order 450), as it would have each night.
 */
@Component
class UsageDemoSeed implements DemoSeed {

    private final FlexUsageJob job;
    private final BusinessClock clock;

    UsageDemoSeed(FlexUsageJob job, BusinessClock clock) {
        this.job = job;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "flex-usage";
    }

    @Override
    public int order() {
        return 460;
    }

    @Override
    public void seed() {
        job.runFor(clock.today());
    }
}
