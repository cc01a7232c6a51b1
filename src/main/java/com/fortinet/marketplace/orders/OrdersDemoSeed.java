package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.UserRepository;
import com.fortinet.marketplace.demo.AccountsDemoSeed;
import com.fortinet.marketplace.demo.DemoSeed;
import com.fortinet.marketplace.installedbase.InstalledBase;
import com.fortinet.marketplace.points.PackService;
import com.fortinet.marketplace.points.SpendingService;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * A few orders placed through the real order service (so ledger, contracts and history agree): an Acme store
 * renewal, an Acme upgrade, a Globex renewal paid by Northwind Partners from its own points, and an Initech renewal
 * Northwind placed from Initech's points. These and the FortiFlex demo's transfers are all the demo's spending.
 */
@Component
class OrdersDemoSeed implements DemoSeed {

    private final OrderService orders;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final InstalledBase base;
    private final SpendingService spending;
    private final PackService packs;
    private final BusinessClock clock;

    OrdersDemoSeed(OrderService orders, AccountRepository accounts, UserRepository users, InstalledBase base,
                   SpendingService spending, PackService packs, BusinessClock clock) {
        this.orders = orders;
        this.accounts = accounts;
        this.users = users;
        this.base = base;
        this.spending = spending;
        this.packs = packs;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public int order() {
        return 350;
    }

    @Override
    public void seed() {
        Optional<Account> acme = account(AccountsDemoSeed.ACME);
        Optional<Account> globex = account(AccountsDemoSeed.GLOBEX);
        Optional<Account> partner = account(AccountsDemoSeed.PARTNER);
        Optional<Account> initech = account(AccountsDemoSeed.INITECH);
        Optional<PortalUser> alice = user("alice@acme.demo.test");
        Optional<PortalUser> pat = user("pat@partner.demo.test");
        if (acme.isPresent() && alice.isPresent() && exists("FGT40FTK20020001")) {
            ensurePoints(acme.get(), 5000);
            orders.place(alice.get(), new OrderRequest(acme.get().getId(), null, OrderType.RENEW, null, List.of(
                    new OrderRequest.Line("FGT40FTK20020001", "FC247", 12, null),
                    new OrderRequest.Line("FGT40FTK20020001", "UTP", 12, null)), "PO 4410 · store 20 renewal"), "demo-order-1");
            orders.place(alice.get(), new OrderRequest(acme.get().getId(), null, OrderType.UPGRADE, null, List.of(
                    new OrderRequest.Line("FGT60FTK20010001", "UTP", null, "ENT")), "HQ firewall to Enterprise bundle"),
                    "demo-order-2");
        }
        // The Paris unit, not Vienna's: Vienna's FGT100F reaches End-of-Support within months and can't be renewed past it.
        if (globex.isPresent() && partner.isPresent() && pat.isPresent() && exists("FGT100FTK2003002")) {
            ensurePoints(partner.get(), 5000);
            orders.place(pat.get(), new OrderRequest(globex.get().getId(), partner.get().getId(), OrderType.RENEW, null,
                    List.of(new OrderRequest.Line("FGT100FTK2003002", "FC247", 36, null)), "Northwind managed renewal, Paris"),
                    "demo-order-3");
        }
        if (initech.isPresent() && pat.isPresent() && exists("FGT600FTK2004001")) {
            ensurePoints(initech.get(), 4400);
            orders.place(pat.get(), new OrderRequest(initech.get().getId(), null, OrderType.RENEW, null,
                    List.of(new OrderRequest.Line("FGT600FTK2004001", "FC247", 12, null)), "Initech Austin HQ FortiCare"),
                    "demo-order-4");
        }
    }

    /** The points demo (order 200) normally provides the points; top up only if it didn't. */
    private void ensurePoints(Account account, long needed) {
        if (spending.balance(account.getId()) < needed) {
            packs.addPack(account.getId(), "FC-10-FPNTS-10K", clock.today().minusMonths(3), PackService.Source.DEMO, null,
                    "demo pack for orders");
        }
    }

    private boolean exists(String serial) {
        return base.serialExists(serial);
    }

    private Optional<Account> account(String name) {
        return accounts.findAllByOrderByName().stream().filter(a -> a.getName().equals(name)).findFirst();
    }

    private Optional<PortalUser> user(String email) {
        return users.findByEmailIgnoreCase(email).map(u -> PortalUser.of(u, false).withoutPassword());
    }
}
