package com.fortinet.marketplace.flex.configs;

import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.TextRules;
import com.fortinet.marketplace.flex.FlexActor;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.flex.RunningProgram;
import com.fortinet.marketplace.flex.catalog.Catalog;
import com.fortinet.marketplace.flex.catalog.ConfigParameters;
import com.fortinet.marketplace.flex.catalog.ParameterRules;
import com.fortinet.marketplace.flex.catalog.Pricing;
import com.fortinet.marketplace.flex.catalog.ProductType;
import com.fortinet.marketplace.flex.catalog.Rate;
import com.fortinet.marketplace.flex.catalog.RateRule;
import com.fortinet.marketplace.flex.catalog.RateTable;
import com.fortinet.marketplace.flex.catalog.RatesChanged;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * FortiFlex configurations of an account's program (DESIGN §4.2). Every change locks the program row, like every
 * other FortiFlex change of the account, and is kept as a new configuration version with its instant.
 */
@Service
public class ConfigService {

    public static final int MAX_NAME = 100;

    private final Configs configs;
    private final FlexPrograms programs;
    private final Catalog catalog;
    private final Pricing pricing;
    private final RateTable rates;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;

    public ConfigService(Configs configs, FlexPrograms programs, Catalog catalog, Pricing pricing, RateTable rates,
                         BusinessClock clock, ApplicationEventPublisher events) {
        this.configs = configs;
        this.programs = programs;
        this.catalog = catalog;
        this.pricing = pricing;
        this.rates = rates;
        this.clock = clock;
        this.events = events;
    }

    public List<FlexConfig> ofAccount(long accountId) {
        return configs.ofAccount(accountId);
    }

    public FlexConfig get(long accountId, long configId) {
        return configs.find(accountId, configId).orElseThrow(() -> notFound(configId));
    }

    public List<ConfigVersion> versions(long accountId, long configId) {
        return configs.versions(get(accountId, configId).id());
    }

    @Transactional
    public FlexConfig create(long accountId, String name, Integer productTypeId, Map<Integer, List<String>> parameters,
                             FlexActor actor) {
        return createAt(accountId, name, productTypeId, parameters, actor, clock.now());
    }

    /** {@code at}: the instant the configuration begins (now, except for demo history). */
    @Transactional
    public FlexConfig createAt(long accountId, String name, Integer productTypeId, Map<Integer, List<String>> parameters,
                               FlexActor actor, Instant at) {
        FlexProgram program = RunningProgram.require(programs.findByAccountForUpdate(accountId).orElse(null), clock.today());
        FieldChecks checks = new FieldChecks();
        String n = checks.value(() -> validName(name));
        ProductType type = null;
        if (productTypeId == null) {
            checks.fail("productTypeId", "Choose the product type.");
        } else {
            type = catalog.find(productTypeId).orElse(null);
            if (type == null) {
                checks.fail("productTypeId", "There is no FortiFlex product type " + productTypeId + ".");
            }
        }
        ProductType known = type;
        ConfigParameters params = known == null ? null : checks.value(() -> ParameterRules.validate(known, parameters));
        checks.done();
        BigDecimal points = pricing.price(type, params).pointsPerDay();
        long id = configs.insert(accountId, program.id(), type.id(), n, params, points, at, actor);
        return configs.find(accountId, id).orElseThrow();
    }

    /** {@code name} or {@code parameters} null: unchanged. Parameters given replace those ids; the others stay. */
    @Transactional
    public FlexConfig update(long accountId, long configId, String name, Map<Integer, List<String>> parameters,
                             FlexActor actor) {
        return updateAt(accountId, configId, name, parameters, actor, clock.now());
    }

    @Transactional
    public FlexConfig updateAt(long accountId, long configId, String name, Map<Integer, List<String>> parameters,
                               FlexActor actor, Instant at) {
        RunningProgram.require(programs.findByAccountForUpdate(accountId).orElse(null), clock.today());
        FlexConfig c = configs.findForUpdate(accountId, configId).orElseThrow(() -> notFound(configId));
        FieldChecks checks = new FieldChecks();
        String n = name == null ? c.name() : checks.value(() -> validName(name));
        ProductType type = catalog.get(c.productTypeId());
        ConfigParameters params = parameters == null ? c.parameters()
                : checks.value(() -> ParameterRules.validate(type, parameters, c.parameters()));
        checks.done();
        BigDecimal points = parameters == null ? c.pointsPerDay() : pricing.price(type, params).pointsPerDay();
        if (n.equals(c.name()) && params.equals(c.parameters())) {
            return c;
        }
        return configs.change(c, ConfigChange.UPDATED, n, c.status(), params, points, at, actor);
    }

    /** Stops the configuration's ACTIVE and PENDING entitlements ({@link ConfigDisabled}); already disabled: unchanged. */
    @Transactional
    public FlexConfig disable(long accountId, long configId, FlexActor actor) {
        return disableAt(accountId, configId, actor, clock.now());
    }

    @Transactional
    public FlexConfig disableAt(long accountId, long configId, FlexActor actor, Instant at) {
        programs.findByAccountForUpdate(accountId);
        FlexConfig c = configs.findForUpdate(accountId, configId).orElseThrow(() -> notFound(configId));
        if (!c.active()) {
            return c;
        }
        FlexConfig disabled = configs.change(c, ConfigChange.DISABLED, c.name(), ConfigStatus.DISABLED, c.parameters(),
                c.pointsPerDay(), at, actor);
        events.publishEvent(new ConfigDisabled(disabled, at, actor));
        return disabled;
    }

    /** Accepts new entitlements again; reactivates none by itself (DESIGN §4.2). */
    @Transactional
    public FlexConfig enable(long accountId, long configId, FlexActor actor) {
        programs.findByAccountForUpdate(accountId);
        FlexConfig c = configs.findForUpdate(accountId, configId).orElseThrow(() -> notFound(configId));
        if (c.active()) {
            return c;
        }
        return configs.change(c, ConfigChange.ENABLED, c.name(), ConfigStatus.ACTIVE, c.parameters(), c.pointsPerDay(),
                clock.now(), actor);
    }

    /**
     * The rate table changed: each configuration of those product types gets its new points/day as a new version
     * from now on. A change that would leave a configuration without a rate is refused (and rolled back).
     */
    @EventListener
    public void reprice(RatesChanged change) {
        Instant now = clock.now();
        FlexActor actor = new FlexActor(change.userId(), change.actor());
        Map<Integer, ProductType> types = new java.util.HashMap<>();
        Map<Integer, List<Rate>> rateTables = new java.util.HashMap<>();
        for (int id : change.productTypeIds()) {
            catalog.find(id).ifPresent(t -> types.put(id, t));
            rateTables.put(id, rates.of(id));
        }
        for (FlexConfig c : configs.ofProductTypesForUpdate(change.productTypeIds())) {
            BigDecimal points;
            try {
                points = RateRule.pointsPerDay(types.get(c.productTypeId()), c.parameters(), rateTables.get(c.productTypeId()));
            } catch (BusinessRuleException e) {
                throw new BusinessRuleException("Rate change refused", "Nothing was changed: configuration '" + c.name()
                        + "' (id " + c.id() + ", account " + c.accountId() + ") would have no points-per-day rate. "
                        + e.getMessage());
            }
            if (points.compareTo(c.pointsPerDay()) != 0) {
                configs.change(c, ConfigChange.REPRICED, c.name(), c.status(), c.parameters(), points, now, actor);
            }
        }
    }

    static String validName(String name) {
        String n = name == null ? "" : TextRules.line("name", "Configuration names", name);
        if (n.isEmpty()) {
            throw new InvalidInputException("name", "Give the configuration a name, e.g. 'Branch FortiGate-VM 2 CPU UTP'.");
        }
        if (n.length() > MAX_NAME) {
            throw new InvalidInputException("name", "A configuration name is at most " + MAX_NAME + " characters.");
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "A configuration name can't contain control characters (tabs, line breaks).");
        }
        return n;
    }

    private static NotFoundException notFound(long configId) {
        return new NotFoundException("Configuration " + configId + " was not found on this account.");
    }
}
