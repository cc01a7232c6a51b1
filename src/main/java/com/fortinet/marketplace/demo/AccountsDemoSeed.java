package com.fortinet.marketplace.demo;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.PartnerLinks;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.User;
import com.fortinet.marketplace.accounts.UserRepository;
import com.fortinet.marketplace.security.ApiKeys;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The demo accounts and users of DESIGN §6; password "demo", API key "demo-" + the e-mail's local part. */
@Component
public class AccountsDemoSeed implements DemoSeed {

    public static final String ACME = "Acme";
    public static final String GLOBEX = "Globex";
    public static final String INITECH = "Initech";
    public static final String PARTNER = "Northwind Partners";

    private final AccountRepository accounts;
    private final UserRepository users;
    private final PartnerLinks links;
    private final ApiKeys apiKeys;
    private final PasswordEncoder encoder;

    AccountsDemoSeed(AccountRepository accounts, UserRepository users, PartnerLinks links, ApiKeys apiKeys,
                     PasswordEncoder encoder) {
        this.accounts = accounts;
        this.users = users;
        this.links = links;
        this.apiKeys = apiKeys;
        this.encoder = encoder;
    }

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void seed() {
        Account acme = accounts.save(new Account(ACME, AccountType.CUSTOMER, Region.AMER));
        Account globex = accounts.save(new Account(GLOBEX, AccountType.CUSTOMER, Region.EMEA));
        Account initech = accounts.save(new Account(INITECH, AccountType.CUSTOMER, Region.AMER));
        Account partner = accounts.save(new Account(PARTNER, AccountType.PARTNER, Region.AMER));
        links.link(partner.getId(), globex.getId());
        links.link(partner.getId(), initech.getId());

        String hash = encoder.encode("demo");
        user("admin@demo.test", "Ada Admin", hash, Role.ADMIN, Permission.READ_WRITE, null);
        user("staff@demo.test", "Sam Staff", hash, Role.RENEWALS_STAFF, Permission.READ_ONLY, null);
        user("alice@acme.demo.test", "Alice Anders", hash, Role.CUSTOMER_USER, Permission.READ_WRITE, acme.getId());
        user("ro@acme.demo.test", "Rory Reader", hash, Role.CUSTOMER_USER, Permission.READ_ONLY, acme.getId());
        user("bob@globex.demo.test", "Bob Brown", hash, Role.CUSTOMER_USER, Permission.READ_WRITE, globex.getId());
        user("pat@partner.demo.test", "Pat Partner", hash, Role.PARTNER_USER, Permission.READ_WRITE, partner.getId());
    }

    private void user(String email, String name, String hash, Role role, Permission permission, Long accountId) {
        User user = users.save(new User(email, name, hash, role, permission, accountId));
        apiKeys.store(user.getId(), "Demo key", "demo-" + email.substring(0, email.indexOf('@')));
    }
}
