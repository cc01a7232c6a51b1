package com.fortinet.marketplace.points;

import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.security.ApiKeys;

import java.util.List;
import java.util.UUID;

/** Fresh accounts, users, keys and codes, so tests don't share state. Build it from the test's autowired beans. */
record PointsFixtures(AccountService accounts, UserService users, ApiKeys keys, RegistrationCodes codes) {

    record Person(long userId, String email, long accountId, String apiKey) {
    }

    long customerAccount(String prefix) {
        return accounts.create(prefix + " " + UUID.randomUUID().toString().substring(0, 8), AccountType.CUSTOMER, Region.AMER).getId();
    }

    long partnerAccount(String prefix) {
        return accounts.create(prefix + " " + UUID.randomUUID().toString().substring(0, 8), AccountType.PARTNER, Region.EMEA).getId();
    }

    Person user(long accountId, Role role, Permission permission) {
        String email = "points-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        var u = users.create(new UserService.NewUser(email, "Points Tester", "password123", role, permission, accountId));
        return new Person(u.getId(), email, accountId, keys.create(u.getId(), "test").secret());
    }

    Person customer() {
        return user(customerAccount("Points customer"), Role.CUSTOMER_USER, Permission.READ_WRITE);
    }

    List<String> codes(String sku, int count) {
        var batch = codes.issue(sku, count, "test", null);
        return codes.codesOf(batch.id()).stream().map(RegistrationCodes.Code::display).toList();
    }

    String code(String sku) {
        return codes(sku, 1).get(0);
    }
}
