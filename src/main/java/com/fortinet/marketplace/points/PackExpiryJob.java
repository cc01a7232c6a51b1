package com.fortinet.marketplace.points;

import com.fortinet.marketplace.accounts.AccountLock;
import com.fortinet.marketplace.database.Transactions;
import com.fortinet.marketplace.time.BusinessClock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes off expired packs as PACK_EXPIRED ledger rows. Balances never depend on it (the balance query filters
 * expired packs); it keeps the ledger's running balance equal to the spendable balance. Runs hourly so a missed
 * run catches up soon; ShedLock keeps it to one instance.
 */
@Component
public class PackExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(PackExpiryJob.class);

    private final PointsLedger ledger;
    private final AccountLock accountLock;
    private final BusinessClock clock;
    private final Transactions tx;

    PackExpiryJob(PointsLedger ledger, AccountLock accountLock, BusinessClock clock, Transactions tx) {
        this.ledger = ledger;
        this.accountLock = accountLock;
        this.clock = clock;
        this.tx = tx;
    }

    @Scheduled(cron = "0 5 * * * *", zone = "America/Los_Angeles")
    @SchedulerLock(name = "points-pack-expiry", lockAtMostFor = "PT30M")
    public void scheduled() {
        int n = run();
        if (n > 0) {
            log.info("Pack expiry: {} packs written off", n);
        }
    }

    /** One transaction per account, so one failing account doesn't hold back the others. */
    public int run() {
        var today = clock.today();
        int total = 0;
        for (long accountId : ledger.accountsWithExpiredPoints(today)) {
            Integer n = tx.inTransaction(() -> {
                accountLock.lock(accountId);
                return ledger.writeOffExpired(accountId, today);
            });
            total += n == null ? 0 : n;
        }
        return total;
    }
}
