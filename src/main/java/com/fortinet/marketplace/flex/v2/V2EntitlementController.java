package com.fortinet.marketplace.flex.v2;

import com.fortinet.marketplace.flex.FlexActor;
import com.fortinet.marketplace.flex.FlexIdempotency;
import com.fortinet.marketplace.flex.catalog.Catalog;
import com.fortinet.marketplace.flex.configs.ConfigService;
import com.fortinet.marketplace.flex.entitlements.Entitlement;
import com.fortinet.marketplace.flex.entitlements.EntitlementFilter;
import com.fortinet.marketplace.flex.entitlements.EntitlementService;
import com.fortinet.marketplace.flex.entitlements.EntitlementStatus;
import com.fortinet.marketplace.flex.entitlements.Termination;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * FortiFlex v2 {@code entitlements/*} on {@link EntitlementService}, the same service /api/v1 and My Assets use.
 * FortiFlex acts on one entitlement per call ({@code serialNumber}); creation answers every new entitlement.
 */
@RestController
@RequestMapping(V2Controller.BASE + "/entitlements")
class V2EntitlementController extends V2Controller {

    private static final String SERIAL = "the entitlement's serial number, e.g. FGVMMLTM26000123 (entitlements/list)";
    private static final String CONFIG = "the id of the configuration the entitlements use (configs/list)";

    private final V2Targets targets;
    private final AccountScope scope;
    private final EntitlementService entitlements;
    private final ConfigService configs;
    private final Catalog catalog;
    private final FlexIdempotency idempotency;

    V2EntitlementController(V2Targets targets, AccountScope scope, EntitlementService entitlements, ConfigService configs,
                            Catalog catalog, FlexIdempotency idempotency) {
        this.targets = targets;
        this.scope = scope;
        this.entitlements = entitlements;
        this.configs = configs;
        this.catalog = catalog;
        this.idempotency = idempotency;
    }

    /**
     * {configId} or {programSerialNumber and/or accountId}, optionally {serialNumber, status, tokenStatus, description}
     * → {entitlements: [...]}. Tokens are masked for read-only users.
     */
    @PostMapping("/list")
    ResponseEntity<V2Json.Entitlements> list(@AuthenticationPrincipal PortalUser me, @RequestBody(required = false) JsonNode body) {
        V2Body in = V2Body.of(body);
        Long configId = in.id("configId");
        Long accountId = in.id("accountId");
        String program = in.string("programSerialNumber", 32);
        long account;
        if (configId != null) {
            account = targets.accountOfConfig(me, configId);
            if (accountId != null && accountId != account) {
                throw new InvalidInputException("accountId", "Configuration " + configId + " is not on account " + accountId + ".");
            }
        } else if (program != null && !program.isBlank()) {
            account = targets.program(me, program, accountId).accountId();
        } else if (accountId != null) {
            account = targets.account(me, accountId);
        } else {
            throw new InvalidInputException("configId", "Send 'configId', or 'programSerialNumber' (and 'accountId'), to say whose entitlements to list.");
        }
        EntitlementStatus status = status(in.string("status", 20));
        String tokenStatus = upper(in.string("tokenStatus", 20));
        if (tokenStatus != null && !tokenStatus.equals("NOTUSED") && !tokenStatus.equals("USED")) {
            throw new InvalidInputException("tokenStatus", "'tokenStatus' is NOTUSED or USED.");
        }
        String serial = upper(in.string("serialNumber", 32));
        String description = in.string("description", 200);
        List<V2Json.EntitlementV2> found = entitlements.list(account, new EntitlementFilter(null, status, configId, serial)).stream()
                .map(r -> r.entitlement())
                .filter(e -> serial == null || e.serialNumber().equals(serial))
                .filter(e -> tokenStatus == null || (e.tokenStatus() != null && e.tokenStatus().name().equals(tokenStatus)))
                .filter(e -> description == null || description.isBlank()
                        || (e.description() != null && e.description().toLowerCase(Locale.ROOT).contains(description.strip().toLowerCase(Locale.ROOT))))
                .map(e -> V2Json.EntitlementV2.of(e, me.canChange())).toList();
        return ok(new V2Json.Entitlements(0, V2Json.OK, null, found));
    }

    /** {configId, count, description?, endDate?, folderPath?} → {entitlements: [...]}, PENDING with their tokens. */
    @PostMapping("/vm/create")
    ResponseEntity<String> createVms(@AuthenticationPrincipal PortalUser me, @RequestBody(required = false) JsonNode body,
                                     @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        V2Body in = V2Body.of(body);
        long configId = in.requiredId("configId", CONFIG);
        long account = targets.accountOfConfig(me, configId);
        scope.requireWritable(me, account);
        requireKind(account, configId, false);
        Long count = in.whole("count", 0, Long.MAX_VALUE);
        if (Boolean.TRUE.equals(in.bool("skipPending"))) {
            throw new InvalidInputException("skipPending", "skipPending is not supported here: VM entitlements start PENDING "
                    + "and become ACTIVE when their token is used.");
        }
        in.string("folderPath", 1000); // FortiFlex asset folders: accepted and not kept (the portal has no folders)
        var request = new EntitlementService.NewEntitlements(configId, count, null, in.string("description", 1000),
                in.date("endDate"));
        return created(me, account, key, "entitlements/vm/create", in, () -> entitlements.create(account, request, FlexActor.of(me)));
    }

    /** {configId, serialNumbers: [...], endDate?} → {entitlements: [...]}, ACTIVE at once. */
    @PostMapping({"/hardware/create", "/hw/create"})
    ResponseEntity<String> createHardware(@AuthenticationPrincipal PortalUser me, @RequestBody(required = false) JsonNode body,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        V2Body in = V2Body.of(body);
        long configId = in.requiredId("configId", CONFIG);
        long account = targets.accountOfConfig(me, configId);
        scope.requireWritable(me, account);
        requireKind(account, configId, true);
        var request = new EntitlementService.NewEntitlements(configId, null, in.strings("serialNumbers", 1000),
                in.string("description", 1000), in.date("endDate"));
        return created(me, account, key, "entitlements/hardware/create", in, () -> entitlements.create(account, request, FlexActor.of(me)));
    }

    /** {serialNumber, configId?, description?, endDate?} → {entitlements: [one]}. */
    @PostMapping("/update")
    ResponseEntity<String> update(@AuthenticationPrincipal PortalUser me, @RequestBody(required = false) JsonNode body,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        V2Body in = V2Body.of(body);
        String serial = in.requiredString("serialNumber", 32, SERIAL);
        long account = targets.accountOfEntitlement(me, serial);
        scope.requireWritable(me, account);
        var end = in.date("endDate");
        var changes = new EntitlementService.Changes(in.string("description", 1000), in.id("configId"),
                end == null ? null : Termination.of(end));
        return created(me, account, key, "entitlements/update", in,
                () -> List.of(entitlements.update(account, serial, changes, FlexActor.of(me))));
    }

    /** {serialNumber} → {entitlements: [one]}, STOPPED. */
    @PostMapping("/stop")
    ResponseEntity<String> stop(@AuthenticationPrincipal PortalUser me, @RequestBody(required = false) JsonNode body,
                                @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        V2Body in = V2Body.of(body);
        String serial = in.requiredString("serialNumber", 32, SERIAL);
        long account = targets.accountOfEntitlement(me, serial);
        scope.requireWritable(me, account);
        return created(me, account, key, "entitlements/stop", in,
                () -> entitlements.stop(account, List.of(serial), FlexActor.of(me)));
    }

    /** {serialNumber, endDate?} → {entitlements: [one]}, ACTIVE; without endDate it follows the program's end. */
    @PostMapping("/reactivate")
    ResponseEntity<String> reactivate(@AuthenticationPrincipal PortalUser me, @RequestBody(required = false) JsonNode body,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        V2Body in = V2Body.of(body);
        String serial = in.requiredString("serialNumber", 32, SERIAL);
        long account = targets.accountOfEntitlement(me, serial);
        scope.requireWritable(me, account);
        Termination termination = Termination.of(in.date("endDate"));
        return created(me, account, key, "entitlements/reactivate", in,
                () -> entitlements.reactivate(account, List.of(serial), termination, FlexActor.of(me)));
    }

    /** {serialNumber} → {entitlements: [one]} with a new NOTUSED token; the old one no longer works. */
    @PostMapping("/vm/token")
    ResponseEntity<String> token(@AuthenticationPrincipal PortalUser me, @RequestBody(required = false) JsonNode body,
                                 @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        V2Body in = V2Body.of(body);
        String serial = in.requiredString("serialNumber", 32, SERIAL);
        long account = targets.accountOfEntitlement(me, serial);
        scope.requireWritable(me, account);
        return created(me, account, key, "entitlements/vm/token", in,
                () -> List.of(entitlements.regenerateToken(account, serial, FlexActor.of(me))));
    }

    private ResponseEntity<String> created(PortalUser me, long account, String key, String path, V2Body in,
                                           Supplier<List<Entitlement>> work) {
        return change(idempotency, account, key, path, in, V2Json.Entitlements.class, () -> new V2Json.Entitlements(0,
                V2Json.OK, null, work.get().stream().map(e -> V2Json.EntitlementV2.of(e, true)).toList()));
    }

    /** vm/create takes VM configurations, hardware/create hardware ones; the other path is named when it is the wrong one. */
    private void requireKind(long account, long configId, boolean hardware) {
        var type = catalog.get(configs.get(account, configId).productTypeId());
        if (type.hardware() != hardware) {
            throw new InvalidInputException("configId", "Configuration " + configId + " is " + type.name() + ": create its "
                    + "entitlements with entitlements/" + (type.hardware() ? "hardware/create and 'serialNumbers'" : "vm/create and 'count'") + ".");
        }
    }

    private static EntitlementStatus status(String s) {
        String u = upper(s);
        if (u == null) {
            return null;
        }
        try {
            return EntitlementStatus.valueOf(u);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "'status' is PENDING, ACTIVE, STOPPED, EXPIRED or REMOVED.");
        }
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }
}
