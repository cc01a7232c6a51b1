package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.points.PackService;
import com.fortinet.marketplace.points.PointPack;
import com.fortinet.marketplace.points.RegistrationCodes;
import com.fortinet.marketplace.security.ApiKeys;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.UUID;

/** Fresh accounts, users, packs and programs for FortiFlex tests (never the demo accounts for anything that spends). */
@Component
class FlexFixtures {

    final AccountService accounts;
    final UserService users;
    final PackService packs;
    final FlexProgramService programs;
    final RegistrationCodes codes;
    final ApiKeys apiKeys;

    FlexFixtures(AccountService accounts, UserService users, PackService packs, FlexProgramService programs,
                 RegistrationCodes codes, ApiKeys apiKeys) {
        this.codes = codes;
        this.apiKeys = apiKeys;
        this.accounts = accounts;
        this.users = users;
        this.packs = packs;
        this.programs = programs;
    }

    record Customer(long accountId, long userId, String email, String password) {
    }

    Customer customer(Permission permission) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long account = accounts.create("Flex test " + suffix, AccountType.CUSTOMER, Region.EMEA).getId();
        String email = "flex-" + suffix + "@test.example";
        String password = "password-" + suffix;
        long user = users.create(new UserService.NewUser(email, "Flex Tester", password, Role.CUSTOMER_USER,
                permission, account)).getId();
        return new Customer(account, user, email, password);
    }

    Customer customer() {
        return customer(Permission.READ_WRITE);
    }

    PointPack pack(long accountId, String sku, LocalDate registeredAt) {
        return packs.addPack(accountId, sku, registeredAt, PackService.Source.IMPORT, null, null);
    }

    FlexProgram program(long accountId, FlexProgramType type, LocalDate start, LocalDate end) {
        return programs.create(accountId, type, null, start, end, null);
    }

    /** A fresh registration code of the SKU, as printed (K7QF-9MZD-…). */
    String code(String sku) {
        var batch = codes.issue(sku, 1, "test", null);
        return codes.codesOf(batch.id()).get(0).display();
    }

    String apiKey(long userId) {
        return apiKeys.create(userId, "flex test").secret();
    }
}
