package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.flex.configs.ConfigChange;
import com.fortinet.marketplace.flex.configs.ConfigService;
import com.fortinet.marketplace.flex.configs.ConfigStatus;
import com.fortinet.marketplace.flex.configs.ConfigVersion;
import com.fortinet.marketplace.flex.configs.FlexConfig;
import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.TestClock;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The entitlement lifecycle on the real database, with its history (DESIGN §4.2–4.3). */
@PortalTest
class EntitlementLifecycleTest {

    @Autowired AssetFixtures fixtures;
    @Autowired EntitlementService entitlements;
    @Autowired TokenActivation activation;
    @Autowired ConfigService configs;
    @Autowired BusinessClock clock;
    @Autowired TestClock testClock;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        testClock.reset();
    }

    private Entitlement reload(AssetFixtures.Customer c, Entitlement e) {
        return entitlements.get(c.accountId(), e.serialNumber()).entitlement();
    }

    private List<EntitlementEvent> chronological(AssetFixtures.Customer c, Entitlement e) {
        List<EntitlementEvent> events = new ArrayList<>(entitlements.events(entitlements.get(c.accountId(), e.serialNumber())));
        java.util.Collections.reverse(events);
        return events;
    }

    @Test
    void createActivateByTokenStopReactivateKeepsEveryStateWithItsInstant() {
        var c = fixtures.withProgram();
        FlexConfig config = fixtures.fortiGateVm(c, 2, "ENT");
        assertThat(config.pointsPerDay()).isEqualByComparingTo("6.39");

        List<Entitlement> created = fixtures.vms(c, config, 3);
        assertThat(created).hasSize(3).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(EntitlementStatus.PENDING);
            assertThat(e.tokenStatus()).isEqualTo(TokenStatus.NOTUSED);
            assertThat(e.serialNumber()).matches("FGVMMLTM\\d{8}");
            assertThat(e.token()).matches("[0-9A-HJKMNP-TV-Z]{20}");
            assertThat(e.startDate()).isEqualTo(clock.today());
            assertThat(e.followsProgram()).isTrue();
        });
        assertThat(created).extracting(Entitlement::token).doesNotHaveDuplicates();
        assertThat(created).extracting(Entitlement::serialNumber).doesNotHaveDuplicates();

        Entitlement e = created.get(0);
        var activated = activation.activate(e.token().toLowerCase(), "192.0.2.10");
        assertThat(activated.status()).isEqualTo(EntitlementStatus.ACTIVE);
        assertThat(reload(c, e).tokenStatus()).isEqualTo(TokenStatus.USED);
        assertThatThrownBy(() -> activation.activate(e.token(), "192.0.2.10")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already used");

        entitlements.stop(c.accountId(), List.of(e.serialNumber()), c.actor());
        assertThat(reload(c, e).status()).isEqualTo(EntitlementStatus.STOPPED);
        LocalDate end = clock.today().plusDays(90);
        entitlements.reactivate(c.accountId(), List.of(e.serialNumber().toLowerCase()), Termination.of(end), c.actor());
        Entitlement after = reload(c, e);
        assertThat(after.status()).isEqualTo(EntitlementStatus.ACTIVE);
        assertThat(after.endDate()).isEqualTo(end);
        assertThat(after.followsProgram()).isFalse();

        List<EntitlementEvent> events = chronological(c, e);
        assertThat(events).extracting(EntitlementEvent::kind).containsExactly(EventKind.CREATED, EventKind.ACTIVATED,
                EventKind.STOPPED, EventKind.REACTIVATED);
        assertThat(events).extracting(EntitlementEvent::statusAfter).containsExactly(EntitlementStatus.PENDING,
                EntitlementStatus.ACTIVE, EntitlementStatus.STOPPED, EntitlementStatus.ACTIVE);
        assertThat(events).allSatisfy(ev -> assertThat(ev.configIdAfter()).isEqualTo(config.id()));
        assertThat(events.get(3).endDateAfter()).isEqualTo(end);
        assertThat(events.get(0).endDateAfter()).isEqualTo(clock.today().plusYears(3));
        assertThat(events).extracting(EntitlementEvent::userId).containsExactly(c.userId(), null, c.userId(), c.userId());
        assertThat(events.get(1).actor()).contains("192.0.2.10");
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).at()).isAfterOrEqualTo(events.get(i - 1).at());
        }
        // microsecond instants in UTC, as TIMESTAMP(6) keeps them
        String column = jdbc.queryForObject("select column_type from information_schema.columns where table_schema = database() "
                + "and table_name = 'flex_entitlement_events' and column_name = 'at'", String.class);
        assertThat(column).isEqualToIgnoringCase("timestamp(6)");
    }

    @Test
    void aRegeneratedTokenMakesTheOldOneWorthless() {
        var c = fixtures.withProgram();
        FlexConfig config = fixtures.fortiGateVm(c, 4, "UTP");
        Entitlement e = fixtures.active(c, config);
        String old = e.token();

        Entitlement regenerated = entitlements.regenerateToken(c.accountId(), e.serialNumber(), c.actor());
        assertThat(regenerated.token()).isNotEqualTo(old);
        assertThat(regenerated.tokenStatus()).isEqualTo(TokenStatus.NOTUSED);
        assertThat(regenerated.status()).as("status unchanged").isEqualTo(EntitlementStatus.ACTIVE);

        assertThatThrownBy(() -> activation.activate(old, "192.0.2.11")).isInstanceOf(NotFoundException.class);
        var used = activation.activate(regenerated.token(), "192.0.2.11");
        assertThat(used.status()).isEqualTo(EntitlementStatus.ACTIVE);
        assertThat(reload(c, e).tokenStatus()).isEqualTo(TokenStatus.USED);
        assertThat(chronological(c, e)).extracting(EntitlementEvent::kind).containsExactly(EventKind.CREATED,
                EventKind.ACTIVATED, EventKind.TOKEN_REGENERATED, EventKind.TOKEN_USED);
        assertThat(jdbc.queryForObject("select count(*) from flex_entitlements where token = ?", Integer.class, old)).isZero();
    }

    @Test
    void disablingAConfigurationStopsItsEntitlementsAndAcceptsNoNewOnes() {
        var c = fixtures.withProgram();
        FlexConfig config = fixtures.fortiGateVm(c, 2, "UTP");
        Entitlement active = fixtures.active(c, config);
        Entitlement pending = fixtures.vms(c, config, 1).get(0);
        Entitlement stopped = fixtures.active(c, config);
        entitlements.stop(c.accountId(), List.of(stopped.serialNumber()), c.actor());
        int stoppedEvents = fixtures.eventCount(stopped);

        FlexConfig disabled = configs.disable(c.accountId(), config.id(), c.actor());
        assertThat(disabled.status()).isEqualTo(ConfigStatus.DISABLED);
        assertThat(reload(c, active).status()).isEqualTo(EntitlementStatus.STOPPED);
        assertThat(reload(c, pending).status()).isEqualTo(EntitlementStatus.STOPPED);
        assertThat(fixtures.eventCount(stopped)).as("already stopped: no new event").isEqualTo(stoppedEvents);
        EntitlementEvent last = chronological(c, active).get(2);
        assertThat(last.kind()).isEqualTo(EventKind.STOPPED);
        assertThat(last.detail()).contains("was disabled");
        List<ConfigVersion> versions = configs.versions(c.accountId(), config.id());
        assertThat(versions.get(0).change()).isEqualTo(ConfigChange.DISABLED);
        assertThat(versions.get(0).validFrom()).isEqualTo(last.at());

        assertThatThrownBy(() -> fixtures.vms(c, config, 1)).isInstanceOf(BusinessRuleException.class).hasMessageContaining("disabled");
        assertThatThrownBy(() -> entitlements.reactivate(c.accountId(), List.of(active.serialNumber()), null, c.actor()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("disabled");

        configs.enable(c.accountId(), config.id(), c.actor());
        assertThat(reload(c, active).status()).as("enabling reactivates nothing by itself").isEqualTo(EntitlementStatus.STOPPED);
        entitlements.reactivate(c.accountId(), List.of(active.serialNumber()), null, c.actor());
        assertThat(reload(c, active).status()).isEqualTo(EntitlementStatus.ACTIVE);
    }

    @Test
    void mixingProductTypesChangesNothing() {
        var c = fixtures.withProgram();
        Entitlement fgt = fixtures.active(c, fixtures.fortiGateVm(c, 1, "FC"));
        Entitlement faz = fixtures.active(c, fixtures.fortiAnalyzer(c));
        int before = fixtures.eventCount(fgt) + fixtures.eventCount(faz);
        assertThatThrownBy(() -> entitlements.stop(c.accountId(), List.of(fgt.serialNumber(), faz.serialNumber()), c.actor()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("one product type");
        assertThat(reload(c, fgt).status()).isEqualTo(EntitlementStatus.ACTIVE);
        assertThat(reload(c, faz).status()).isEqualTo(EntitlementStatus.ACTIVE);
        assertThat(fixtures.eventCount(fgt) + fixtures.eventCount(faz)).isEqualTo(before);
    }

    @Test
    void allOrNothingWhenOneOfTheSelectionCantBeStopped() {
        var c = fixtures.withProgram();
        FlexConfig config = fixtures.fortiGateVm(c, 1, "FC");
        Entitlement active = fixtures.active(c, config);
        Entitlement pending = fixtures.vms(c, config, 1).get(0);
        assertThatThrownBy(() -> entitlements.stop(c.accountId(), List.of(active.serialNumber(), pending.serialNumber()), c.actor()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining(pending.serialNumber() + ": It is PENDING");
        assertThat(reload(c, active).status()).isEqualTo(EntitlementStatus.ACTIVE);
    }

    @Test
    void entitlementsExpireAtTheirEndDateWithTheEventAtThatMidnight() {
        var c = fixtures.withProgram();
        FlexConfig config = fixtures.fortiGateVm(c, 1, "FC");
        LocalDate end = clock.today().plusDays(5);
        Entitlement e = entitlements.create(c.accountId(), new EntitlementService.NewEntitlements(config.id(), 1L, null,
                "short", end), c.actor()).get(0);
        activation.activate(e.token(), "192.0.2.12");
        Entitlement pending = entitlements.create(c.accountId(), new EntitlementService.NewEntitlements(config.id(), 1L, null,
                "short", end), c.actor()).get(0);

        testClock.setBusinessDate(end.minusDays(1));
        assertThat(reload(c, e).status()).isEqualTo(EntitlementStatus.ACTIVE);
        testClock.setBusinessDate(end);
        assertThat(reload(c, e).status()).as("expired when read on its end date").isEqualTo(EntitlementStatus.EXPIRED);
        EntitlementEvent expired = chronological(c, e).get(2);
        assertThat(expired.kind()).isEqualTo(EventKind.EXPIRED);
        assertThat(expired.at()).isEqualTo(end.atStartOfDay(BusinessClock.ZONE).toInstant());
        assertThat(expired.userId()).isNull();
        assertThat(reload(c, pending).status()).isEqualTo(EntitlementStatus.EXPIRED);
        assertThatThrownBy(() -> activation.activate(pending.token(), "192.0.2.12")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("expired");
        // expiring again writes nothing more
        assertThat(entitlements.expireDue(c.accountId())).isZero();
        assertThat(fixtures.eventCount(e)).isEqualTo(3);
    }

    @Test
    void configurationChangesAreNewVersionsAndOldVersionsStayAsTheyWere() {
        var c = fixtures.withProgram();
        FlexConfig config = fixtures.fortiGateVm(c, 2, "ENT");
        Entitlement e = fixtures.active(c, config);
        Map<String, Object> v1 = jdbc.queryForMap("select * from flex_config_versions where config_id = ? and version = 1", config.id());

        FlexConfig bigger = configs.update(c.accountId(), config.id(), null, Map.of(1, List.of("4")), c.actor());
        assertThat(bigger.pointsPerDay()).isEqualByComparingTo("12.91");
        assertThat(bigger.parameters().value(2)).as("left out: kept").isEqualTo("ENT");
        assertThat(configs.update(c.accountId(), config.id(), null, Map.of(1, List.of("4")), c.actor()).version())
                .as("no change, no version").isEqualTo(2);
        FlexConfig renamed = configs.update(c.accountId(), config.id(), "Renamed", null, c.actor());

        List<ConfigVersion> versions = configs.versions(c.accountId(), config.id());
        assertThat(versions).extracting(ConfigVersion::version).containsExactly(3, 2, 1);
        assertThat(versions).extracting(ConfigVersion::pointsPerDay).extracting(java.math.BigDecimal::toPlainString)
                .containsExactly("12.91", "12.91", "6.39");
        assertThat(versions.get(1).validFrom()).isAfterOrEqualTo(versions.get(2).validFrom());
        assertThat(renamed.name()).isEqualTo("Renamed");
        assertThat(jdbc.queryForMap("select * from flex_config_versions where config_id = ? and version = 1", config.id()))
                .isEqualTo(v1);
        assertThat(reload(c, e).configId()).isEqualTo(config.id());

        assertThatThrownBy(() -> configs.update(c.accountId(), config.id(), null, Map.of(10, List.of("60")), c.actor()))
                .hasMessageContaining("VDOMs (parameter 10) is at most 50 when CPUs is 4");
    }

    @Test
    void movingAnEntitlementToAnotherConfigurationIsAnEventWithTheNewConfiguration() {
        var c = fixtures.withProgram();
        FlexConfig small = fixtures.fortiGateVm(c, 2, "ENT");
        FlexConfig large = fixtures.fortiGateVm(c, 4, "ENT");
        FlexConfig faz = fixtures.fortiAnalyzer(c);
        Entitlement e = fixtures.active(c, small);
        entitlements.update(c.accountId(), e.serialNumber(), new EntitlementService.Changes(null, large.id(), null), c.actor());
        EntitlementEvent moved = chronological(c, e).get(2);
        assertThat(moved.kind()).isEqualTo(EventKind.CONFIG_CHANGED);
        assertThat(moved.configIdAfter()).isEqualTo(large.id());
        assertThat(moved.statusAfter()).isEqualTo(EntitlementStatus.ACTIVE);
        assertThatThrownBy(() -> entitlements.update(c.accountId(), e.serialNumber(),
                new EntitlementService.Changes(null, faz.id(), null), c.actor()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("of its own product type");
    }

    @Test
    void hardwareEntitlementsAreForMatchingUnitsOfTheAccountAndCanBeRemovedOnceStopped() {
        var c = fixtures.withProgram();
        var other = fixtures.withProgram();
        String mine = fixtures.unit(c.accountId(), "FortiGate", "FGT60F");
        String wrongModel = fixtures.unit(c.accountId(), "FortiGate", "FGT100F");
        String theirs = fixtures.unit(other.accountId(), "FortiGate", "FGT60F");
        FlexConfig hw = fixtures.fortiGateHardware(c, "FGT60F");

        assertThatThrownBy(() -> entitlements.create(c.accountId(), new EntitlementService.NewEntitlements(hw.id(), null,
                List.of(theirs), null, null), c.actor())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> entitlements.create(c.accountId(), new EntitlementService.NewEntitlements(hw.id(), null,
                List.of(mine, wrongModel), null, null), c.actor())).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining(wrongModel + " (FortiGate FGT100F)");
        assertThat(jdbc.queryForObject("select count(*) from flex_entitlements where account_id = ?", Integer.class, c.accountId()))
                .as("nothing created").isZero();

        Entitlement e = entitlements.create(c.accountId(), new EntitlementService.NewEntitlements(hw.id(), null,
                List.of(mine.toLowerCase()), "HQ", null), c.actor()).get(0);
        assertThat(e.status()).isEqualTo(EntitlementStatus.ACTIVE);
        assertThat(e.token()).isNull();
        assertThatThrownBy(() -> entitlements.create(c.accountId(), new EntitlementService.NewEntitlements(hw.id(), null,
                List.of(mine), null, null), c.actor())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> entitlements.remove(c.accountId(), List.of(mine), c.actor()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("stop it first");
        entitlements.stop(c.accountId(), List.of(mine), c.actor());
        entitlements.remove(c.accountId(), List.of(mine), c.actor());
        assertThat(reload(c, e).status()).isEqualTo(EntitlementStatus.REMOVED);
        assertThat(chronological(c, e)).extracting(EntitlementEvent::kind)
                .containsExactly(EventKind.CREATED, EventKind.STOPPED, EventKind.REMOVED);
        assertThat(entitlements.ofUnits(List.of(jdbc.queryForObject("select id from units where serial_number = ?", Long.class, mine))))
                .hasSize(1);
    }

    @Test
    void entitlementsFollowingTheProgramMoveWithItsEndAndUserDefinedOnesAreCutToIt() {
        var c = fixtures.withProgram();
        var program = fixtures.programs.ofAccount(c.accountId()).orElseThrow();
        FlexConfig config = fixtures.fortiGateVm(c, 2, "ENT");
        Entitlement follows = fixtures.active(c, config);
        LocalDate userEnd = clock.today().plusYears(2);
        Entitlement userDefined = entitlements.create(c.accountId(), new EntitlementService.NewEntitlements(config.id(), 1L,
                null, null, userEnd), c.actor()).get(0);
        long admin = jdbc.queryForObject("select id from users where email = 'admin@demo.test'", Long.class);

        var extended = fixtures.programs.extend(c.accountId(), 12, null, admin);
        assertThat(reload(c, follows).endDate()).isEqualTo(extended.program().endDate());
        assertThat(reload(c, userDefined).endDate()).as("a user-defined end stays").isEqualTo(userEnd);
        EntitlementEvent moved = chronological(c, follows).get(2);
        assertThat(moved.kind()).isEqualTo(EventKind.END_DATE_CHANGED);
        assertThat(moved.endDateAfter()).isEqualTo(extended.program().endDate());
        assertThat(moved.userId()).isEqualTo(admin);
        assertThat(moved.actor()).isEqualTo("admin@demo.test");
        assertThat(moved.detail()).contains(program.serialNumber()).contains("extended");

        LocalDate early = clock.today().plusYears(1);
        fixtures.programs.endEarly(program.id(), early, admin);
        assertThat(reload(c, follows).endDate()).isEqualTo(early);
        assertThat(reload(c, userDefined).endDate()).as("cut to the program's new end").isEqualTo(early);

        // ended today: what ran expires at once
        fixtures.programs.endEarly(program.id(), clock.today(), admin);
        assertThat(reload(c, follows).status()).isEqualTo(EntitlementStatus.EXPIRED);
        assertThat(reload(c, follows).endDate()).isEqualTo(clock.today());
    }

    @Test
    void noRunningProgramRefusesConfigurations() {
        var c = fixtures.customer(com.fortinet.marketplace.accounts.Permission.READ_WRITE);
        assertThatThrownBy(() -> fixtures.fortiGateVm(c, 2, "ENT")).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("no FortiFlex program");
    }

    /** Two VMs racing with the same token: exactly one activates it; the other is told it was used. */
    @Test
    void concurrentActivationsOfOneTokenActivateOnce() throws Exception {
        var c = fixtures.withProgram();
        Entitlement e = fixtures.vms(c, fixtures.fortiGateVm(c, 1, "FC"), 1).get(0);
        List<Object> results = race(4, () -> activation.activate(e.token(), "192.0.2.13"));
        assertThat(results).filteredOn(r -> r instanceof TokenActivation.Activated).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof ConflictException).hasSize(3);
        assertThat(chronological(c, e)).extracting(EntitlementEvent::kind).containsExactly(EventKind.CREATED, EventKind.ACTIVATED);
    }

    /** Two people stopping the same selection at once: one stops it, the other is refused; one event each. */
    @Test
    void concurrentBulkStopsStopOnce() throws Exception {
        var c = fixtures.withProgram();
        FlexConfig config = fixtures.fortiGateVm(c, 1, "FC");
        Entitlement a = fixtures.active(c, config);
        Entitlement b = fixtures.active(c, config);
        List<Object> results = race(3, () -> entitlements.stop(c.accountId(), List.of(b.serialNumber(), a.serialNumber()), c.actor()));
        assertThat(results).filteredOn(r -> r instanceof List).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof BusinessRuleException).hasSize(2);
        assertThat(fixtures.eventCount(a)).isEqualTo(3);
        assertThat(fixtures.eventCount(b)).isEqualTo(3);
    }

    private static List<Object> race(int threads, Callable<Object> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return work.call();
                    } catch (RuntimeException ex) {
                        return ex;
                    }
                }));
            }
            start.countDown();
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
