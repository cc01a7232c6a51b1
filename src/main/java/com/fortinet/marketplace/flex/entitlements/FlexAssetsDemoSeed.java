package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.UserRepository;
import com.fortinet.marketplace.demo.AccountsDemoSeed;
import com.fortinet.marketplace.demo.DemoSeed;
import com.fortinet.marketplace.flex.FlexActor;
import com.fortinet.marketplace.flex.configs.ConfigService;
import com.fortinet.marketplace.flex.configs.FlexConfig;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Globex's FortiFlex configurations and entitlements, with some six weeks of history (DESIGN §6): FortiGate-VM 2 CPU
 * ENT, FortiGate-VM 4 CPU UTP (its VDOMs raised later), a FortiAnalyzer-VM, a FortiGate 100F hardware configuration for
 * the Paris and Vienna units, and a lab configuration disabled since; entitlements in every state (PENDING, ACTIVE,
 * STOPPED, EXPIRED, REMOVED), a configuration change, a reactivation with a user-defined end date and a regenerated
 * token. Every change is written at its instant in the past, so the history reads as it would have happened.
 */
@Component
class FlexAssetsDemoSeed implements DemoSeed {

    private final AccountRepository accounts;
    private final UserRepository users;
    private final ConfigService configs;
    private final EntitlementService entitlements;
    private final TokenActivation activation;
    private final BusinessClock clock;

    FlexAssetsDemoSeed(AccountRepository accounts, UserRepository users, ConfigService configs,
                       EntitlementService entitlements, TokenActivation activation, BusinessClock clock) {
        this.accounts = accounts;
        this.users = users;
        this.configs = configs;
        this.entitlements = entitlements;
        this.activation = activation;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "flex-assets";
    }

    @Override
    public int order() {
        return 450;
    }

    @Override
    public void seed() {
        Account globex = accounts.findAllByOrderByName().stream().filter(a -> a.getName().equals(AccountsDemoSeed.GLOBEX))
                .findFirst().orElse(null);
        if (globex == null) {
            return;
        }
        long g = globex.getId();
        FlexActor bob = actor("bob@globex.demo.test");
        FlexActor pat = actor("pat@partner.demo.test");
        LocalDate t = clock.today();

        FlexConfig branch = configs.createAt(g, "Branch FortiGate-VM 2 CPU ENT", 1, Map.of(1, List.of("2"), 2, List.of("ENT")),
                bob, at(t, -45, 9));
        FlexConfig dc = configs.createAt(g, "DC FortiGate-VM 4 CPU UTP", 1,
                Map.of(1, List.of("4"), 2, List.of("UTP"), 10, List.of("5"), 43, List.of("FGTAVDB")), bob, at(t, -45, 9));
        FlexConfig faz = configs.createAt(g, "FortiAnalyzer-VM 50 GB/day", 7, Map.of(21, List.of("50"), 22, List.of("2")),
                pat, at(t, -45, 10));
        FlexConfig hw = configs.createAt(g, "Paris FortiGate 100F UTP", 101,
                Map.of(27, List.of("FGT100F"), 28, List.of("FGHWUTP")), bob, at(t, -36, 11));
        FlexConfig lab = configs.createAt(g, "Lab FortiGate-VM 1 CPU FC", 1, Map.of(1, List.of("1"), 2, List.of("FC")),
                bob, at(t, -41, 14));

        // FortiAnalyzer: active since the first day; its token regenerated last week (the VM has not used the new one).
        Entitlement faz1 = vm(g, faz, 1, "Log collector, Frankfurt", null, bob, at(t, -44, 8)).get(0);
        activate(faz1, at(t, -44, 9));
        entitlements.regenerateTokenAt(g, faz1.serialNumber(), bob, at(t, -8, 16));

        // Branch FortiGate-VMs: one running, one stopped last week, one that ran to its user-defined end date.
        List<Entitlement> branches = vm(g, branch, 2, "Branch office", null, bob, at(t, -42, 10));
        activate(branches.get(0), at(t, -41, 8));
        activate(branches.get(1), at(t, -41, 9));
        entitlements.stopAt(g, List.of(branches.get(1).serialNumber()), bob, at(t, -6, 17));
        Entitlement shortTerm = vm(g, branch, 1, "Trade show", t.minusDays(7), bob, at(t, -40, 12)).get(0);
        activate(shortTerm, at(t, -39, 10));

        // DC FortiGate-VMs: one moved up from the branch configuration, one stopped and reactivated (by the partner).
        Entitlement moved = vm(g, branch, 1, "DC edge", null, bob, at(t, -30, 9)).get(0);
        activate(moved, at(t, -30, 11));
        entitlements.updateAt(g, moved.serialNumber(), new EntitlementService.Changes(null, dc.id(), null), bob, at(t, -15, 10));
        Entitlement dc2 = vm(g, dc, 1, "DC core", null, bob, at(t, -30, 9)).get(0);
        activate(dc2, at(t, -29, 15));
        entitlements.stopAt(g, List.of(dc2.serialNumber()), bob, at(t, -20, 18));
        entitlements.reactivateAt(g, List.of(dc2.serialNumber()), Termination.of(t.plusDays(60)), pat, at(t, -14, 9));
        configs.updateAt(g, dc.id(), null, Map.of(10, List.of("10")), bob, at(t, -10, 13));

        // Lab: stopped when its configuration was disabled.
        Entitlement lab1 = vm(g, lab, 1, "Lab", null, bob, at(t, -40, 15)).get(0);
        activate(lab1, at(t, -40, 16));
        configs.disableAt(g, lab.id(), bob, at(t, -12, 12));

        // Two VMs created this week, still waiting for their VMs.
        vm(g, branch, 2, "New branches (rollout)", null, bob, at(t, -2, 10));

        // Hardware: Paris runs under FortiFlex; Vienna was stopped and removed.
        entitlements.createAt(g, new EntitlementService.NewEntitlements(hw.id(), null,
                List.of("FGT100FTK2003002", "FGT100FTK2003008"), "Office firewalls", null), bob, at(t, -35, 9));
        entitlements.stopAt(g, List.of("FGT100FTK2003008"), bob, at(t, -9, 10));
        entitlements.removeAt(g, List.of("FGT100FTK2003008"), bob, at(t, -3, 10));
        entitlements.expireDue(g);
    }

    private List<Entitlement> vm(long account, FlexConfig config, long count, String description, LocalDate end,
                                 FlexActor actor, Instant at) {
        return entitlements.createAt(account, new EntitlementService.NewEntitlements(config.id(), count, null, description, end),
                actor, at);
    }

    private void activate(Entitlement e, Instant at) {
        activation.activateAt(e.token(), "203.0.113.10", at);
    }

    private FlexActor actor(String email) {
        return users.findByEmailIgnoreCase(email).map(u -> new FlexActor(u.getId(), u.getEmail()))
                .orElse(FlexActor.system(email));
    }

    /** {@code hour}:00 Pacific, {@code days} days from today. */
    private static Instant at(LocalDate today, int days, int hour) {
        return today.plusDays(days).atTime(LocalTime.of(hour, 0)).atZone(BusinessClock.ZONE).toInstant();
    }
}
