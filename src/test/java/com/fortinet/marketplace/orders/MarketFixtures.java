package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.User;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.installedbase.InstalledBaseService;
import com.fortinet.marketplace.installedbase.NewUnit;
import com.fortinet.marketplace.points.PackService;
import com.fortinet.marketplace.security.ApiKeys;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Own accounts, users, units and packs for each test: nothing depends on demo data or on other tests. */
@Component
public class MarketFixtures {

    public static final String PASSWORD = "market-test-pw";

    private final AccountService accounts;
    private final UserService users;
    private final InstalledBaseService installedBase;
    private final PackService packs;
    private final ApiKeys apiKeys;
    private final BusinessClock clock;

    MarketFixtures(AccountService accounts, UserService users, InstalledBaseService installedBase, PackService packs,
                   ApiKeys apiKeys, BusinessClock clock) {
        this.accounts = accounts;
        this.users = users;
        this.installedBase = installedBase;
        this.packs = packs;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    public static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    }

    public Account customer(String name) {
        return accounts.create(name + " " + suffix(), AccountType.CUSTOMER, Region.AMER);
    }

    public Account partner(String name, Account... customers) {
        Account p = accounts.create(name + " " + suffix(), AccountType.PARTNER, Region.AMER);
        for (Account c : customers) {
            accounts.link(p.getId(), c.getId());
        }
        return p;
    }

    public User user(Account account, Permission permission) {
        Role role = account.isPartner() ? Role.PARTNER_USER : Role.CUSTOMER_USER;
        return users.create(new UserService.NewUser("u" + suffix().toLowerCase(Locale.ROOT) + "@market.test", "Test user",
                PASSWORD, role, permission, account.getId()));
    }

    public PortalUser principal(User user) {
        return PortalUser.of(user, false).withoutPassword();
    }

    public String apiKey(User user) {
        return apiKeys.create(user.getId(), "market test").secret();
    }

    /** A unit whose services each end {@code endOffsetDays} from today (negative: lapsed), after a year of coverage. */
    public String unit(Account account, String model, String location, int endOffsetDays, String... services) {
        return unitWithEndOfSupport(account, model, location, endOffsetDays, null, services);
    }

    /** As {@link #unit}, with an End-of-Support date (null: none). */
    public String unitWithEndOfSupport(Account account, String model, String location, int endOffsetDays,
                                       LocalDate endOfSupport, String... services) {
        String prefix = model.replace("-", "");
        String serial = (prefix + "TK" + suffix()).substring(0, Math.min(16, prefix.length() + 10));
        LocalDate end = clock.today().plusDays(endOffsetDays);
        List<NewUnit.NewService> list = new ArrayList<>();
        for (String s : services) {
            list.add(new NewUnit.NewService(s, end.minusMonths(12), end, null));
        }
        String family = model.startsWith("FGT") ? "FortiGate" : model.startsWith("FS") ? "FortiSwitch" : "FortiAP";
        installedBase.addUnit(account.getId(), new NewUnit(serial, model, family, location, endOfSupport, list));
        return serial;
    }

    /** A pack registered 30 days ago (valid for 3 years): sku FC-10-FPNTS-1K / 5K / 10K … */
    public void points(Account account, String sku) {
        packs.addPack(account.getId(), sku, clock.today().minusDays(30), PackService.Source.IMPORT, null, "test pack");
    }
}
