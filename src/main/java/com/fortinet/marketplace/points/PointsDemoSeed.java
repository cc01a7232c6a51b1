package com.fortinet.marketplace.points;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.demo.AccountsDemoSeed;
import com.fortinet.marketplace.demo.DemoSeed;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Demo packs so dashboards aren't empty: Acme has a pack expiring within 90 days and one already expired. Points are
 * spent only by real orders (orders demo) and FortiFlex transfers (FortiFlex demo), so every ledger reference leads
 * to an order or a transfer; Initech's small pack is mostly used by its order, so its dashboard shows the 80 % notice.
 * History is written in date order.
 */
@Component
class PointsDemoSeed implements DemoSeed {

    private final AccountRepository accounts;
    private final PackService packs;
    private final PointsLedger ledger;
    private final BusinessClock clock;

    PointsDemoSeed(AccountRepository accounts, PackService packs, PointsLedger ledger, BusinessClock clock) {
        this.accounts = accounts;
        this.packs = packs;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "points";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void seed() {
        LocalDate t = clock.today();
        long acme = id(AccountsDemoSeed.ACME);
        long globex = id(AccountsDemoSeed.GLOBEX);
        long initech = id(AccountsDemoSeed.INITECH);
        long partner = id(AccountsDemoSeed.PARTNER);

        // Acme: an old pack that expired unused 30 days ago, one expiring in 60 days, one from last year.
        LocalDate oldReg = t.minusYears(3).minusDays(30);
        PointPack old = pack(acme, "FC-10-FPNTS-5K", oldReg);
        pack(acme, "FC-10-FPNTS-10K", t.minusYears(3).plusDays(60));
        pack(acme, "FC-10-FPNTS-50K", t.minusDays(400));
        ledger.writeOffExpired(acme, old.expiresAt());

        pack(globex, "FC-10-FPNTS-25K", t.minusDays(100));
        pack(globex, "FC-10-FPNTS-5K", t.minusDays(20));

        pack(initech, "FC-10-FPNTS-5K", t.minusDays(200));

        pack(partner, "FC-10-FPNTS-100K", t.minusDays(30));
    }

    private PointPack pack(long accountId, String sku, LocalDate registeredAt) {
        return packs.addPackAsOf(accountId, sku, registeredAt, PackService.Source.DEMO, null, sku + " (demo)", null, registeredAt);
    }

    private long id(String name) {
        return accounts.findAll().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow().getId();
    }
}
