package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.time.BusinessClock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rolls prepaid programs over at their anniversaries, early each business day, on one instance at a time
 * (ShedLock). Missing a day is harmless: the next run, or the next transfer or usage on the program, catches up.
 */
@Component
public class FlexRollOverJob {

    private static final Logger log = LoggerFactory.getLogger(FlexRollOverJob.class);

    private final FlexPrograms programs;
    private final FlexRollOver rollOver;
    private final BusinessClock clock;
    private final TransactionTemplate tx;

    public FlexRollOverJob(FlexPrograms programs, FlexRollOver rollOver, BusinessClock clock, TransactionTemplate tx) {
        this.programs = programs;
        this.rollOver = rollOver;
        this.clock = clock;
        this.tx = tx;
    }

    @Scheduled(cron = "0 20 0 * * *", zone = "America/Los_Angeles")
    @SchedulerLock(name = "flex-roll-over", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void daily() {
        List<FlexRollOver.Done> done = runFor(clock.today());
        if (!done.isEmpty()) {
            log.info("FortiFlex roll-over: {} anniversaries processed", done.size());
        }
    }

    /** One transaction per program: a failure on one program does not hold back the others. */
    public List<FlexRollOver.Done> runFor(LocalDate today) {
        List<FlexRollOver.Done> done = new ArrayList<>();
        for (long id : programs.prepaidRunningIds(today)) {
            try {
                done.addAll(rollOver(id, today));
            } catch (RuntimeException e) {
                log.error("FortiFlex roll-over failed for program {}", id, e);
            }
        }
        return done;
    }

    /** One program, under its row lock: what the daily run does for each program. */
    public List<FlexRollOver.Done> rollOver(long programId, LocalDate today) {
        return tx.execute(s -> programs.findByIdForUpdate(programId)
                .map(p -> rollOver.applyDue(p, today)).orElse(List.of()));
    }
}
