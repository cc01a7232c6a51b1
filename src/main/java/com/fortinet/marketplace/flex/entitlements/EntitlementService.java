package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.web.TextRules;
import com.fortinet.marketplace.accounts.UserRepository;
import com.fortinet.marketplace.flex.FlexActor;
import com.fortinet.marketplace.flex.FlexProgramDatesChanged;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.flex.RunningProgram;
import com.fortinet.marketplace.flex.catalog.Catalog;
import com.fortinet.marketplace.flex.catalog.ProductType;
import com.fortinet.marketplace.flex.configs.ConfigDisabled;
import com.fortinet.marketplace.flex.configs.Configs;
import com.fortinet.marketplace.flex.configs.FlexConfig;
import com.fortinet.marketplace.installedbase.InstalledBase;
import com.fortinet.marketplace.installedbase.Unit;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * FortiFlex entitlements of an account (DESIGN §4.3). Every change locks the account's program row first (as every
 * FortiFlex change of the account does), brings due expiries up to date, then changes the entitlement rows and records
 * one event per entitlement and change, with its instant and the state after it.
 */
@Service
public class EntitlementService {

    public static final int MAX_DESCRIPTION = 200;

    private final Entitlements entitlements;
    private final FlexPrograms programs;
    private final Configs configs;
    private final Catalog catalog;
    private final InstalledBase units;
    private final SerialNumbers serials;
    private final EntitlementStartGate gate;
    private final UserRepository users;
    private final BusinessClock clock;

    EntitlementService(Entitlements entitlements, FlexPrograms programs, Configs configs, Catalog catalog,
                       InstalledBase units, SerialNumbers serials, EntitlementStartGate gate, UserRepository users,
                       BusinessClock clock) {
        this.entitlements = entitlements;
        this.programs = programs;
        this.configs = configs;
        this.catalog = catalog;
        this.units = units;
        this.serials = serials;
        this.gate = gate;
        this.users = users;
        this.clock = clock;
    }

    // ---- reads ----

    @Transactional
    public Page<EntitlementRow> page(long accountId, EntitlementFilter filter, Pageable pageable) {
        expireDue(accountId);
        return entitlements.page(accountId, filter, pageable);
    }

    @Transactional
    public List<EntitlementRow> list(long accountId, EntitlementFilter filter) {
        expireDue(accountId);
        return entitlements.all(accountId, filter);
    }

    @Transactional
    public EntitlementRow get(long accountId, String serial) {
        expireDue(accountId);
        return entitlements.findRow(accountId, normalizeSerial(serial)).orElseThrow(() -> notFound(serial));
    }

    public List<EntitlementEvent> events(EntitlementRow row) {
        return entitlements.events(row.entitlement().id());
    }

    public List<Integer> productTypesOf(long accountId) {
        return entitlements.productTypesOf(accountId);
    }

    public Map<EntitlementStatus, Long> countsByStatus(long accountId) {
        return entitlements.countsByStatus(accountId);
    }

    public Map<Long, EntitlementRow> ofUnits(List<Long> unitIds) {
        return entitlements.ofUnits(unitIds);
    }

    // ---- creation ----

    public record NewEntitlements(Long configId, Long count, List<String> serialNumbers, String description,
                                  LocalDate endDate) {
    }

    @Transactional
    public List<Entitlement> create(long accountId, NewEntitlements request, FlexActor actor) {
        return createAt(accountId, request, actor, clock.now());
    }

    /** {@code at}: the instant of creation (now, except for demo history). */
    @Transactional
    public List<Entitlement> createAt(long accountId, NewEntitlements request, FlexActor actor, Instant at) {
        LocalDate today = LocalDate.ofInstant(at, BusinessClock.ZONE);
        FlexProgram program = lockProgram(accountId);
        RunningProgram.require(program, today);
        expireDue(accountId);
        if (request.configId() == null) {
            throw new InvalidInputException("configId", "Choose the configuration the entitlements use.");
        }
        FlexConfig config = configs.find(accountId, request.configId()).orElseThrow(() -> new NotFoundException(
                "Configuration " + request.configId() + " was not found on this account."));
        ProductType type = catalog.get(config.productTypeId());
        String description = emptyToNull(description(request.description()));
        if (!config.active()) {
            throw new BusinessRuleException("Configuration disabled", "Configuration '" + config.name()
                    + "' is disabled and accepts no new entitlements: enable it first, or choose another configuration.");
        }
        LocalDate start = today;
        Termination termination = Termination.of(request.endDate());
        LocalDate end = termination.endDate(program, today, "endDate");
        List<Entitlement> created = type.hardware()
                ? hardware(accountId, program, config, type, request, description, start, end, termination, at)
                : vms(accountId, program, config, type, request, description, start, end, termination, at);
        gate.check(program, today);
        for (Entitlement e : created) {
            entitlements.insertEvent(e.id(), EventKind.CREATED, at, actor.userId(), actor.label(), e.status(),
                    e.configId(), e.endDate(), (type.hardware() ? "Hardware, ACTIVE at once" : "VM, PENDING until its token is used")
                            + " · configuration '" + config.name() + "'");
        }
        return created;
    }

    private List<Entitlement> vms(long accountId, FlexProgram program, FlexConfig config, ProductType type,
                                  NewEntitlements request, String description, LocalDate start, LocalDate end,
                                  Termination termination, Instant at) {
        if (request.serialNumbers() != null && !request.serialNumbers().isEmpty()) {
            throw new InvalidInputException("serialNumbers", type.name() + " is a VM product type: send 'count' (how "
                    + "many entitlements to create), not serial numbers.");
        }
        int count = count(request.count());
        List<Entitlement> out = new ArrayList<>();
        for (String serial : serials.next(type.serialPrefix(), start.getYear(), count)) {
            Entitlement e = new Entitlement(0, serial, accountId, program.id(), config.id(), type.id(), false, null,
                    description, EntitlementStatus.PENDING, start, end, termination.followsProgram(), Tokens.generate(),
                    TokenStatus.NOTUSED, at, at);
            out.add(withId(e, entitlements.insert(e)));
        }
        return out;
    }

    private List<Entitlement> hardware(long accountId, FlexProgram program, FlexConfig config, ProductType type,
                                       NewEntitlements request, String description, LocalDate start, LocalDate end,
                                       Termination termination, Instant at) {
        if (request.count() != null) {
            throw new InvalidInputException("count", type.name() + " entitlements are created for units of your installed "
                    + "base: send 'serialNumbers', not a count.");
        }
        List<String> wanted = serialList(request.serialNumbers(), "serialNumbers");
        Map<String, Unit> found = units.bySerials(wanted, clock.today()).stream()
                .filter(u -> u.accountId() == accountId)
                .collect(Collectors.toMap(Unit::serialNumber, Function.identity()));
        List<String> missing = wanted.stream().filter(s -> !found.containsKey(s)).toList();
        if (!missing.isEmpty()) {
            throw new NotFoundException("No unit " + String.join(", ", missing) + " in this account's installed base.");
        }
        String model = type.modelParameter().map(p -> config.parameters().value(p.id())).orElse(null);
        List<String> wrong = wanted.stream().map(found::get)
                .filter(u -> !u.family().equalsIgnoreCase(type.family()) || !u.model().equalsIgnoreCase(model))
                .map(u -> u.serialNumber() + " (" + u.family() + " " + u.model() + ")").toList();
        if (!wrong.isEmpty()) {
            throw new BusinessRuleException("Unit does not match the configuration", "Configuration '" + config.name()
                    + "' is for " + type.family() + " " + model + "; " + String.join(", ", wrong)
                    + (wrong.size() == 1 ? " is not." : " are not.") + " Nothing was created.");
        }
        List<Entitlement> existing = entitlements.withSerials(wanted);
        if (!existing.isEmpty()) {
            throw new ConflictException("serialNumbers", existing.stream()
                    .map(e -> e.serialNumber() + " (" + e.status().name() + ")").collect(Collectors.joining(", "))
                    + (existing.size() == 1 ? " already has" : " already have") + " a FortiFlex entitlement. Nothing was created.");
        }
        List<Entitlement> out = new ArrayList<>();
        for (String serial : wanted) {
            Unit u = found.get(serial);
            Entitlement e = new Entitlement(0, u.serialNumber(), accountId, program.id(), config.id(), type.id(), true,
                    u.id(), description, EntitlementStatus.ACTIVE, start, end, termination.followsProgram(), null, null, at, at);
            out.add(withId(e, entitlements.insert(e)));
        }
        return out;
    }

    static int count(Long count) {
        if (count == null) {
            throw new InvalidInputException("count", "Say how many entitlements to create: a whole number from 1 to "
                    + EntitlementRules.MAX_PER_REQUEST + ".");
        }
        if (count < 1 || count > EntitlementRules.MAX_PER_REQUEST) {
            throw new InvalidInputException("count", "Create from 1 to " + EntitlementRules.MAX_PER_REQUEST
                    + " entitlements at a time, not " + count + ".");
        }
        return count.intValue();
    }

    // ---- changes of one entitlement ----

    public record Changes(String description, Long configId, Termination termination) {
        public boolean none() {
            return description == null && configId == null && termination == null;
        }
    }

    /** Description, configuration (same product type) and end date, as §4.3 allows them; all or nothing. */
    @Transactional
    public Entitlement update(long accountId, String serial, Changes changes, FlexActor actor) {
        return updateAt(accountId, serial, changes, actor, clock.now());
    }

    @Transactional
    public Entitlement updateAt(long accountId, String serial, Changes changes, FlexActor actor, Instant at) {
        LocalDate today = LocalDate.ofInstant(at, BusinessClock.ZONE);
        FlexProgram program = lockProgram(accountId);
        expireDue(accountId);
        Entitlement e = one(accountId, serial);
        if (changes.none()) {
            throw new InvalidInputException("description", "Send what to change: description, configId or endDate.");
        }
        String description = changes.description() == null ? null : description(changes.description());
        FlexConfig newConfig = null;
        if (changes.configId() != null && changes.configId() != e.configId()) {
            refuseUnless(Action.EDIT_CONFIGURATION, e);
            newConfig = configs.find(accountId, changes.configId()).orElseThrow(() -> new NotFoundException(
                    "Configuration " + changes.configId() + " was not found on this account."));
            requireMovable(e, newConfig);
        }
        LocalDate newEnd = null;
        if (changes.termination() != null) {
            refuseUnless(Action.EDIT_END_DATE, e);
            RunningProgram.require(program, today);
            newEnd = changes.termination().endDate(program, today, "endDate");
        }
        if (description != null && !Objects.equals(emptyToNull(description), e.description())) {
            refuseUnless(Action.EDIT_DESCRIPTION, e);
            e = with(e, e.configId(), emptyToNull(description), e.status(), e.endDate(), e.followsProgram(), e.token(), e.tokenStatus());
            entitlements.update(e, at);
            event(e, EventKind.DESCRIPTION_CHANGED, at, actor, null);
        }
        if (newConfig != null) {
            String from = configs.find(accountId, e.configId()).map(FlexConfig::name).orElse("?");
            e = with(e, newConfig.id(), e.description(), e.status(), e.endDate(), e.followsProgram(), e.token(), e.tokenStatus());
            entitlements.update(e, at);
            event(e, EventKind.CONFIG_CHANGED, at, actor, "From '" + from + "' to '" + newConfig.name() + "' ("
                    + newConfig.pointsPerDay().toPlainString() + " points/day)");
        }
        if (newEnd != null && (!newEnd.equals(e.endDate()) || changes.termination().followsProgram() != e.followsProgram())) {
            LocalDate old = e.endDate();
            e = with(e, e.configId(), e.description(), e.status(), newEnd, changes.termination().followsProgram(), e.token(), e.tokenStatus());
            entitlements.update(e, at);
            event(e, EventKind.END_DATE_CHANGED, at, actor, "From " + old + " to " + newEnd
                    + (e.followsProgram() ? " (follows the program)" : " (user-defined)"));
        }
        return e;
    }

    /** A new NOTUSED token; the old one matches nothing from now on. The status does not change. */
    @Transactional
    public Entitlement regenerateToken(long accountId, String serial, FlexActor actor) {
        return regenerateTokenAt(accountId, serial, actor, clock.now());
    }

    @Transactional
    public Entitlement regenerateTokenAt(long accountId, String serial, FlexActor actor, Instant at) {
        lockProgram(accountId);
        expireDue(accountId);
        Entitlement e = one(accountId, serial);
        refuseUnless(Action.REGENERATE_TOKEN, e);
        e = with(e, e.configId(), e.description(), e.status(), e.endDate(), e.followsProgram(), Tokens.generate(), TokenStatus.NOTUSED);
        entitlements.update(e, at);
        event(e, EventKind.TOKEN_REGENERATED, at, actor, "The previous token no longer works");
        return e;
    }

    // ---- bulk ----

    @Transactional
    public List<Entitlement> stop(long accountId, List<String> serialNumbers, FlexActor actor) {
        return stopAt(accountId, serialNumbers, actor, clock.now());
    }

    @Transactional
    public List<Entitlement> stopAt(long accountId, List<String> serialNumbers, FlexActor actor, Instant at) {
        return bulk(accountId, serialNumbers, Action.STOP, actor, at, e -> {
            Entitlement s = with(e, e.configId(), e.description(), EntitlementStatus.STOPPED, e.endDate(), e.followsProgram(), e.token(), e.tokenStatus());
            entitlements.update(s, at);
            event(s, EventKind.STOPPED, at, actor, null);
            return s;
        }, null);
    }

    /** {@code termination}: follow the program, or a user-defined end date. */
    @Transactional
    public List<Entitlement> reactivate(long accountId, List<String> serialNumbers, Termination termination, FlexActor actor) {
        return reactivateAt(accountId, serialNumbers, termination, actor, clock.now());
    }

    @Transactional
    public List<Entitlement> reactivateAt(long accountId, List<String> serialNumbers, Termination termination,
                                          FlexActor actor, Instant at) {
        LocalDate today = LocalDate.ofInstant(at, BusinessClock.ZONE);
        Termination t = termination == null ? Termination.FOLLOW_PROGRAM : termination;
        return bulk(accountId, serialNumbers, Action.REACTIVATE, actor, at, e -> {
            FlexProgram program = programs.findByAccount(accountId).orElseThrow();
            LocalDate end = t.endDate(program, today, "endDate");
            Entitlement r = with(e, e.configId(), e.description(), EntitlementStatus.ACTIVE, end, t.followsProgram(), e.token(), e.tokenStatus());
            entitlements.update(r, at);
            event(r, EventKind.REACTIVATED, at, actor, "Ends " + end + (t.followsProgram() ? " with the program" : " (user-defined)"));
            return r;
        }, locked -> {
            FlexProgram program = programs.findByAccount(accountId).orElseThrow();
            gate.check(program, today);
            t.endDate(program, today, "endDate");
            List<String> disabled = new ArrayList<>();
            for (Entitlement e : locked) {
                FlexConfig c = configs.find(accountId, e.configId()).orElseThrow();
                if (!c.active()) {
                    disabled.add(e.serialNumber() + " ('" + c.name() + "')");
                }
            }
            if (!disabled.isEmpty()) {
                throw new BusinessRuleException("Configuration disabled", "The configuration of " + String.join(", ", disabled)
                        + " is disabled: enable it, or move the entitlement to an active configuration first. Nothing was changed.");
            }
        });
    }

    /** Hardware STOPPED or EXPIRED → REMOVED: no longer managed by FortiFlex; the record stays. */
    @Transactional
    public List<Entitlement> remove(long accountId, List<String> serialNumbers, FlexActor actor) {
        return removeAt(accountId, serialNumbers, actor, clock.now());
    }

    @Transactional
    public List<Entitlement> removeAt(long accountId, List<String> serialNumbers, FlexActor actor, Instant at) {
        return bulk(accountId, serialNumbers, Action.REMOVE, actor, at, e -> {
            Entitlement r = with(e, e.configId(), e.description(), EntitlementStatus.REMOVED, e.endDate(), e.followsProgram(), e.token(), e.tokenStatus());
            entitlements.update(r, at);
            event(r, EventKind.REMOVED, at, actor, "No longer managed by FortiFlex");
            return r;
        }, null);
    }

    private List<Entitlement> bulk(long accountId, List<String> serialNumbers, Action action, FlexActor actor, Instant at,
                                   Function<Entitlement, Entitlement> apply,
                                   java.util.function.Consumer<List<Entitlement>> precheck) {
        List<String> wanted = serialList(serialNumbers, "serialNumbers");
        lockProgram(accountId);
        expireDue(accountId);
        List<Entitlement> locked = entitlements.findForUpdate(accountId, wanted);
        Set<String> have = locked.stream().map(Entitlement::serialNumber).collect(Collectors.toSet());
        List<String> missing = wanted.stream().filter(s -> !have.contains(s)).toList();
        if (!missing.isEmpty()) {
            throw new NotFoundException("No FortiFlex entitlement " + String.join(", ", missing) + " on this account. Nothing was changed.");
        }
        EntitlementRules.mixedProductTypes(locked.stream().map(Entitlement::productTypeId).toList()).ifPresent(m -> {
            throw new BusinessRuleException("Mixed product types", m);
        });
        List<String> refused = locked.stream()
                .map(e -> EntitlementRules.refusal(action, e.status(), e.hardware(), e.tokenStatus())
                        .map(r -> e.serialNumber() + ": " + r).orElse(null))
                .filter(Objects::nonNull).toList();
        if (!refused.isEmpty()) {
            throw new BusinessRuleException("Can't " + action.verb() + " " + (refused.size() == 1 ? "this entitlement" : "these entitlements"),
                    String.join(" ", refused) + " Nothing was changed.");
        }
        if (precheck != null) {
            precheck.accept(locked);
        }
        Map<String, Entitlement> bySerial = locked.stream().collect(Collectors.toMap(Entitlement::serialNumber, Function.identity()));
        return wanted.stream().map(bySerial::get).map(apply).toList();
    }

    // ---- configuration disabled; expiry ----

    /** DESIGN §4.2: disabling a configuration stops its ACTIVE and PENDING entitlements, in the same transaction. */
    @EventListener
    public void onConfigDisabled(ConfigDisabled disabled) {
        FlexConfig c = disabled.config();
        expireDue(c.accountId());
        for (Entitlement e : entitlements.ofConfigInStatusForUpdate(c.id(), List.of(EntitlementStatus.ACTIVE, EntitlementStatus.PENDING))) {
            Entitlement s = with(e, e.configId(), e.description(), EntitlementStatus.STOPPED, e.endDate(), e.followsProgram(), e.token(), e.tokenStatus());
            entitlements.update(s, disabled.at());
            entitlements.insertEvent(s.id(), EventKind.STOPPED, disabled.at(), disabled.actor().userId(),
                    disabled.actor().label(), s.status(), s.configId(), s.endDate(), "Configuration '" + c.name() + "' was disabled");
        }
    }

    /**
     * A program's end moved (extension, admin edit, early end), in the transaction that moved it: entitlements that
     * follow the program move with it, and user-defined end dates past the new end are cut to it. One event each.
     */
    @EventListener
    public void onProgramDatesChanged(FlexProgramDatesChanged change) {
        if (!change.endChanged()) {
            return;
        }
        Instant at = clock.now();
        String who = users.findById(change.userId()).map(u -> u.getEmail()).orElse("FortiFlex administrator");
        String why = "Program " + change.serialNumber() + " " + change.kind().label().toLowerCase(Locale.ROOT) + ": ends "
                + change.endDate() + " instead of " + change.previousEnd();
        for (Entitlement e : entitlements.ofProgramInStatusForUpdate(change.programId(),
                List.of(EntitlementStatus.PENDING, EntitlementStatus.ACTIVE, EntitlementStatus.STOPPED))) {
            LocalDate end = e.followsProgram() || e.endDate().isAfter(change.endDate()) ? change.endDate() : e.endDate();
            if (end.isBefore(e.startDate())) {
                end = e.startDate();
            }
            if (end.equals(e.endDate())) {
                continue;
            }
            LocalDate old = e.endDate();
            Entitlement moved = with(e, e.configId(), e.description(), e.status(), end, e.followsProgram(), e.token(), e.tokenStatus());
            entitlements.update(moved, at);
            entitlements.insertEvent(moved.id(), EventKind.END_DATE_CHANGED, at, change.userId(), who, moved.status(),
                    moved.configId(), end, why + " (entitlement end " + old + " → " + end + ")");
        }
        expireDue(change.accountId());
    }

    /**
     * Entitlements whose end date has come become EXPIRED, the event dated at the start of the end date (Pacific) —
     * when they stopped running — whenever this runs. {@code accountId} null: every account (the daily job).
     */
    @Transactional
    public int expireDue(Long accountId) {
        int n = 0;
        for (Entitlement e : entitlements.due(accountId, clock.today())) {
            Instant at = e.endDate().atStartOfDay(BusinessClock.ZONE).toInstant();
            if (entitlements.changeStatus(e.id(), e.status(), EntitlementStatus.EXPIRED, clock.now())) {
                entitlements.insertEvent(e.id(), EventKind.EXPIRED, at, null, "FortiFlex (end date reached)",
                        EntitlementStatus.EXPIRED, e.configId(), e.endDate(), null);
                n++;
            }
        }
        return n;
    }

    // ---- helpers ----

    private FlexProgram lockProgram(long accountId) {
        return programs.findByAccountForUpdate(accountId).orElse(null);
    }

    private Entitlement one(long accountId, String serial) {
        List<Entitlement> found = entitlements.findForUpdate(accountId, List.of(normalizeSerial(serial)));
        if (found.isEmpty()) {
            throw notFound(serial);
        }
        return found.get(0);
    }

    private void requireMovable(Entitlement e, FlexConfig target) {
        if (target.productTypeId() != e.productTypeId()) {
            ProductType from = catalog.get(e.productTypeId());
            ProductType to = catalog.get(target.productTypeId());
            throw new BusinessRuleException("Different product type", "Configuration '" + target.name() + "' is "
                    + to.name() + "; " + e.serialNumber() + " is " + from.name()
                    + ". An entitlement moves only to a configuration of its own product type.");
        }
        if (!target.active()) {
            throw new BusinessRuleException("Configuration disabled", "Configuration '" + target.name()
                    + "' is disabled and accepts no entitlements: enable it first, or choose another configuration.");
        }
        if (e.hardware()) {
            ProductType type = catalog.get(e.productTypeId());
            String model = type.modelParameter().map(p -> target.parameters().value(p.id())).orElse(null);
            String unitModel = entitlements.findRow(e.accountId(), e.serialNumber()).map(EntitlementRow::unitModel).orElse(null);
            if (model == null || !model.equalsIgnoreCase(unitModel)) {
                throw new BusinessRuleException("Unit does not match the configuration", "Configuration '" + target.name()
                        + "' is for model " + model + "; unit " + e.serialNumber() + " is a " + unitModel + ".");
            }
        }
    }

    private static void refuseUnless(Action action, Entitlement e) {
        EntitlementRules.refusal(action, e.status(), e.hardware(), e.tokenStatus()).ifPresent(r -> {
            throw new BusinessRuleException("Can't " + action.verb() + " " + e.serialNumber(), r);
        });
    }

    private void event(Entitlement e, EventKind kind, Instant at, FlexActor actor, String detail) {
        entitlements.insertEvent(e.id(), kind, at, actor.userId(), actor.label(), e.status(), e.configId(), e.endDate(), detail);
    }

    /** Trimmed, upper case, no blanks or duplicates; 1 to 100 of them. */
    static List<String> serialList(List<String> raw, String field) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidInputException(field, "Send at least one serial number.");
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> dup = new TreeSet<>();
        for (String s : raw) {
            if (s == null || s.isBlank()) {
                throw new InvalidInputException(field, "A serial number is empty.");
            }
            String n = normalizeSerial(s);
            if (n.length() > 32 || !n.matches("[A-Z0-9-]+")) {
                throw new InvalidInputException(field, "'" + s.strip() + "' is not a serial number.");
            }
            if (!seen.add(n)) {
                dup.add(n);
            }
            out.add(n);
        }
        if (!dup.isEmpty()) {
            throw new InvalidInputException(field, "Each serial number once, please: " + String.join(", ", dup) + " appear"
                    + (dup.size() == 1 ? "s" : "") + " more than once.");
        }
        if (out.size() > EntitlementRules.MAX_PER_REQUEST) {
            throw new InvalidInputException(field, "At most " + EntitlementRules.MAX_PER_REQUEST + " serial numbers at a time, not "
                    + out.size() + ".");
        }
        return out;
    }

    static String normalizeSerial(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    }

    static String description(String raw) {
        if (raw == null) {
            return null;
        }
        String d = TextRules.line("description", "Descriptions", raw);
        if (d.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "A description is at most " + MAX_DESCRIPTION + " characters.");
        }
        if (d.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("description", "A description can't contain control characters (tabs, line breaks).");
        }
        return d;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static NotFoundException notFound(String serial) {
        return new NotFoundException("No FortiFlex entitlement " + normalizeSerial(serial) + " on this account.");
    }

    static Entitlement withId(Entitlement e, long id) {
        return new Entitlement(id, e.serialNumber(), e.accountId(), e.programId(), e.configId(), e.productTypeId(),
                e.hardware(), e.unitId(), e.description(), e.status(), e.startDate(), e.endDate(), e.followsProgram(),
                e.token(), e.tokenStatus(), e.createdAt(), e.updatedAt());
    }

    static Entitlement with(Entitlement e, long configId, String description, EntitlementStatus status, LocalDate end,
                            boolean follows, String token, TokenStatus tokenStatus) {
        return new Entitlement(e.id(), e.serialNumber(), e.accountId(), e.programId(), configId, e.productTypeId(),
                e.hardware(), e.unitId(), description, status, e.startDate(), end, follows, token, tokenStatus,
                e.createdAt(), e.updatedAt());
    }

}
