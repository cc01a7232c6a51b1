package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.flex.FlexActor;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexProgramService;
import com.fortinet.marketplace.flex.FlexProgramType;
import com.fortinet.marketplace.flex.FlexTransferService;
import com.fortinet.marketplace.points.PackService;
import com.fortinet.marketplace.flex.configs.ConfigService;
import com.fortinet.marketplace.flex.configs.FlexConfig;
import com.fortinet.marketplace.installedbase.InstalledBaseService;
import com.fortinet.marketplace.installedbase.NewUnit;
import com.fortinet.marketplace.security.ApiKeys;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh accounts with a running FortiFlex program, users with API keys, units, configurations and entitlements for
 * the FortiFlex asset tests. Tests that change things use these, not Globex, so demo figures other tests read stay put.
 */
@Component
public class AssetFixtures {

    final AccountService accounts;
    final UserService users;
    final ApiKeys apiKeys;
    final FlexProgramService programs;
    final ConfigService configs;
    final EntitlementService entitlements;
    final TokenActivation activation;
    final InstalledBaseService units;
    final BusinessClock clock;
    final JdbcTemplate jdbc;
    final PackService packs;
    final FlexTransferService transfers;

    AssetFixtures(AccountService accounts, UserService users, ApiKeys apiKeys, FlexProgramService programs,
                  ConfigService configs, EntitlementService entitlements, TokenActivation activation,
                  InstalledBaseService units, BusinessClock clock, JdbcTemplate jdbc, PackService packs,
                  FlexTransferService transfers) {
        this.packs = packs;
        this.transfers = transfers;
        this.accounts = accounts;
        this.users = users;
        this.apiKeys = apiKeys;
        this.programs = programs;
        this.configs = configs;
        this.entitlements = entitlements;
        this.activation = activation;
        this.units = units;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public record Customer(long accountId, long userId, String email, String password, String apiKey, FlexActor actor) {
    }

    public Customer customer(Permission permission) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long account = accounts.create("Flex assets " + suffix, AccountType.CUSTOMER, Region.EMEA).getId();
        return user(account, permission, suffix);
    }

    /** Another user of the same account. */
    public Customer user(long accountId, Permission permission, String suffix) {
        String email = "assets-" + suffix + "-" + UUID.randomUUID().toString().substring(0, 4) + "@test.example";
        String password = "password-" + suffix;
        long user = users.create(new UserService.NewUser(email, "Asset Tester", password, Role.CUSTOMER_USER, permission,
                accountId)).getId();
        return new Customer(accountId, user, email, password, apiKeys.create(user, "assets test").secret(),
                new FlexActor(user, email));
    }

    /** A customer whose prepaid program started 30 days ago and runs three years. */
    public Customer withProgram() {
        Customer c = customer(Permission.READ_WRITE);
        program(c.accountId(), FlexProgramType.PREPAID);
        return c;
    }

    /**
     * A program that started 30 days ago and runs three years; a prepaid one holds 1,000 points (transferred from
     * FortiPoints by one of the account's users), since a prepaid program with no points left starts no entitlement.
     */
    public FlexProgram program(long accountId, FlexProgramType type) {
        LocalDate today = clock.today();
        FlexProgram p = programs.create(accountId, type, null, today.minusDays(30), today.plusYears(3), null);
        if (type == FlexProgramType.PREPAID) {
            var user = jdbc.queryForMap("select id, email from users where account_id = ? order by id limit 1", accountId);
            packs.addPack(accountId, "FC-10-FPNTS-1K", today.minusDays(1), PackService.Source.IMPORT, null, null);
            transfers.transfer(accountId, 1000, "fixture-credit", ((Number) user.get("id")).longValue(), (String) user.get("email"));
        }
        return p;
    }

    public FlexConfig fortiGateVm(Customer c, int cpus, String pkg) {
        return configs.create(c.accountId(), "FGT-VM " + cpus + " " + pkg, 1,
                Map.of(1, List.of(String.valueOf(cpus)), 2, List.of(pkg)), c.actor());
    }

    public FlexConfig fortiAnalyzer(Customer c) {
        return configs.create(c.accountId(), "FAZ-VM 5 GB", 7, Map.of(21, List.of("5")), c.actor());
    }

    public FlexConfig fortiGateHardware(Customer c, String model) {
        return configs.create(c.accountId(), "FGT " + model + " UTP", 101,
                Map.of(27, List.of(model), 28, List.of("FGHWUTP")), c.actor());
    }

    public List<Entitlement> vms(Customer c, FlexConfig config, int count) {
        return entitlements.create(c.accountId(), new EntitlementService.NewEntitlements(config.id(), (long) count, null,
                null, null), c.actor());
    }

    public Entitlement active(Customer c, FlexConfig config) {
        Entitlement e = vms(c, config, 1).get(0);
        activation.activate(e.token(), "192.0.2.1");
        return entitlements.get(c.accountId(), e.serialNumber()).entitlement();
    }

    /** A registered unit of the account with a fresh serial, e.g. FGT60F + 10 random digits. */
    public String unit(long accountId, String family, String model) {
        String serial = (model.replace("-", "") + "TK" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L))
                .substring(0, 16);
        units.addUnit(accountId, new NewUnit(serial, model, family, "Test site", null, List.of()));
        return serial;
    }

    public long globex() {
        return jdbc.queryForObject("select id from accounts where name = 'Globex'", Long.class);
    }

    public int eventCount(Entitlement e) {
        return jdbc.queryForObject("select count(*) from flex_entitlement_events where entitlement_id = ?", Integer.class, e.id());
    }
}
