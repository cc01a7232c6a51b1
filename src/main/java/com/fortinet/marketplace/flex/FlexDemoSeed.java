package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.UserRepository;
import com.fortinet.marketplace.demo.AccountsDemoSeed;
import com.fortinet.marketplace.demo.DemoSeed;
import com.fortinet.marketplace.points.PackService;
import com.fortinet.marketplace.points.RegistrationCodes;
import com.fortinet.marketplace.points.SpendingService;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** DESIGN §6: Globex holds a PREPAID program (with transfers and a pack), Initech a POSTPAID one, Acme none. */
@Component
class FlexDemoSeed implements DemoSeed {

    private final AccountRepository accounts;
    private final UserRepository users;
    private final FlexProgramService programs;
    private final FlexTransferService transfers;
    private final SpendingService spending;
    private final PackService packs;
    private final BusinessClock clock;
    private final RegistrationCodes codes;
    private final FlexPackRegistration flexPacks;

    FlexDemoSeed(AccountRepository accounts, UserRepository users, FlexProgramService programs,
                 FlexTransferService transfers, SpendingService spending, PackService packs,
                 BusinessClock clock, RegistrationCodes codes, FlexPackRegistration flexPacks) {
        this.codes = codes;
        this.flexPacks = flexPacks;
        this.packs = packs;
        this.accounts = accounts;
        this.users = users;
        this.programs = programs;
        this.transfers = transfers;
        this.spending = spending;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "flex";
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public void seed() {
        LocalDate today = clock.today();
        Account globex = account(AccountsDemoSeed.GLOBEX);
        Account initech = account(AccountsDemoSeed.INITECH);
        // Globex: 200 days into its first program year, so the next anniversary is some five months away.
        LocalDate globexStart = today.minusDays(200);
        programs.create(globex.getId(), FlexProgramType.PREPAID, "ELAVMR0000000101", globexStart, globexStart.plusYears(3), null);
        LocalDate initechStart = today.minusDays(400);
        programs.create(initech.getId(), FlexProgramType.POSTPAID, "ELAVMS0000000102", initechStart, initechStart.plusYears(3), null);

        var bob = users.findByEmailIgnoreCase("bob@globex.demo.test").orElseThrow();
        // The points demo (order 200) normally gives Globex its packs; top up only if it didn't.
        if (spending.balance(globex.getId()) < 10_000) {
            packs.addPack(globex.getId(), "FC-10-FPNTS-10K", today.minusMonths(4), PackService.Source.DEMO, null,
                    "demo pack for FortiFlex transfers");
        }
        long balance = spending.balance(globex.getId());
        // Two transfers that leave most of Globex's FortiPoints for the marketplace, then a few days of usage.
        long first = Math.min(5_000, balance / 4);
        transfers.transfer(globex.getId(), first, "demo-flex-1", bob.getId(), bob.getEmail());
        long second = Math.min(2_500, spending.balance(globex.getId()) / 4);
        if (second >= 1) {
            transfers.transfer(globex.getId(), second, "demo-flex-2", bob.getId(), bob.getEmail());
        }
        // A FortiFlex points pack bought for the program, registered by bob.
        var batch = codes.issue("LIC-ELAVM-10K", 1, "demo: Globex FortiFlex points pack", null);
        flexPacks.registerWithoutChecks(globex.getId(), codes.codesOf(batch.id()).get(0).code(), bob.getId());
        // Usage comes from Globex's entitlements (FlexAssetsDemoSeed), written by the daily job (flex.usage.UsageDemoSeed).
    }

    private Account account(String name) {
        return accounts.findAllByOrderByName().stream().filter(a -> a.getName().equals(name)).findFirst().orElseThrow();
    }
}
