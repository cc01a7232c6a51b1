package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.time.BusinessClock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Just after midnight Pacific (the business day has finished), writes yesterday's usage of every FortiFlex program,
 * and any earlier day a missed run left out, on one instance at a time (ShedLock). Runs before the roll-over job
 * (00:20), so an anniversary's roll-over sees the last day of the closing year. Each program is caught up in its own
 * transaction: a failure on one program holds back no other, and the next run retries it.
 */
@Component
public class FlexUsageJob {

    private static final Logger log = LoggerFactory.getLogger(FlexUsageJob.class);

    private final UsageDays days;
    private final DailyUsageWriter writer;
    private final BusinessClock clock;

    FlexUsageJob(UsageDays days, DailyUsageWriter writer, BusinessClock clock) {
        this.days = days;
        this.writer = writer;
        this.clock = clock;
    }

    /** What a run did: programs caught up, failed, days, entitlement usage rows and ledger rows written. */
    public record Run(int programs, int failed, long days, long usageRows, long ledgerRows) {
    }

    @Scheduled(cron = "0 10 0 * * *", zone = "America/Los_Angeles")
    @SchedulerLock(name = "flex-daily-usage", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    public void daily() {
        Run run = runFor(clock.today());
        if (run.days() > 0 || run.failed() > 0) {
            log.info("FortiFlex daily usage: {} programs, {} days, {} entitlement rows, {} ledger rows, {} failed",
                    run.programs(), run.days(), run.usageRows(), run.ledgerRows(), run.failed());
        }
    }

    public Run runFor(LocalDate today) {
        int programs = 0;
        int failed = 0;
        long dayCount = 0;
        long usageRows = 0;
        long ledgerRows = 0;
        for (long id : days.programsDue(today)) {
            try {
                DailyUsageWriter.Written w = writer.catchUp(id, today);
                programs++;
                dayCount += w.days();
                usageRows += w.usageRows();
                ledgerRows += w.ledgerRows();
            } catch (RuntimeException e) {
                failed++;
                log.error("FortiFlex daily usage failed for program {}", id, e);
            }
        }
        return new Run(programs, failed, dayCount, usageRows, ledgerRows);
    }
}
