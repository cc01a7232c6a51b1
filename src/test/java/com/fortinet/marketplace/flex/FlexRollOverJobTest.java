package com.fortinet.marketplace.flex;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

class FlexRollOverJobTest {

    /** Several instances share one database: the daily run must be scheduled and guarded by one ShedLock name. */
    @Test
    void dailyRunIsScheduledInPacificTimeAndRunsOnOneInstance() throws Exception {
        var daily = FlexRollOverJob.class.getMethod("daily");
        Scheduled scheduled = daily.getAnnotation(Scheduled.class);
        assertThat(scheduled).isNotNull();
        assertThat(scheduled.zone()).isEqualTo("America/Los_Angeles");
        SchedulerLock lock = daily.getAnnotation(SchedulerLock.class);
        assertThat(lock).isNotNull();
        assertThat(lock.name()).isEqualTo("flex-roll-over");
    }
}
