package com.fortinet.marketplace.flex.v2;

import com.fortinet.marketplace.flex.FlexActor;
import com.fortinet.marketplace.flex.FlexIdempotency;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.catalog.Catalog;
import com.fortinet.marketplace.flex.configs.ConfigService;
import com.fortinet.marketplace.flex.configs.FlexConfig;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * FortiFlex v2 {@code configs/*} on {@link ConfigService}, the same service /api/v1 and the pages use. FortiFlex names
 * a configuration by {@code id}, a program by {@code programSerialNumber} (with an optional {@code accountId}).
 */
@RestController
@RequestMapping(V2Controller.BASE + "/configs")
class V2ConfigController extends V2Controller {

    private static final String PROGRAM = "the serial number of your FortiFlex program, e.g. ELAVMR0000000101 (programs/list)";
    private static final String CONFIG = "the configuration's id (configs/list)";

    private final V2Targets targets;
    private final AccountScope scope;
    private final ConfigService configs;
    private final Catalog catalog;
    private final FlexIdempotency idempotency;

    V2ConfigController(V2Targets targets, AccountScope scope, ConfigService configs, Catalog catalog,
                       FlexIdempotency idempotency) {
        this.targets = targets;
        this.scope = scope;
        this.configs = configs;
        this.catalog = catalog;
        this.idempotency = idempotency;
    }

    /** {programSerialNumber, accountId?} → {configs: [...]}. */
    @PostMapping("/list")
    ResponseEntity<V2Json.Configs> list(@AuthenticationPrincipal PortalUser me, @RequestBody(required = false) JsonNode body) {
        V2Body in = V2Body.of(body);
        FlexProgram program = targets.program(me, in.requiredString("programSerialNumber", 32, PROGRAM), in.id("accountId"));
        return ok(new V2Json.Configs(0, V2Json.OK, null, configs.ofAccount(program.accountId()).stream()
                .map(c -> json(c, program.serialNumber())).toList()));
    }

    /** {programSerialNumber, accountId?, name, productTypeId, parameters: [{id, value}]} → {configs: {...}}. */
    @PostMapping("/create")
    ResponseEntity<String> create(@AuthenticationPrincipal PortalUser me, @RequestBody(required = false) JsonNode body,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        V2Body in = V2Body.of(body);
        FlexProgram program = targets.program(me, in.requiredString("programSerialNumber", 32, PROGRAM), in.id("accountId"));
        long account = program.accountId();
        scope.requireWritable(me, account);
        String name = in.string("name", 1000);
        Long type = in.whole("productTypeId", 1, 100_000);
        var parameters = in.parameters("parameters");
        return change(idempotency, account, key, "configs/create", in, V2Json.OneConfig.class,
                () -> one(configs.create(account, name, type == null ? null : type.intValue(), parameters, FlexActor.of(me)),
                        program.serialNumber()));
    }

    /** {id, name?, parameters?} → {configs: {...}}: parameters sent replace those ids, for all its entitlements from now on. */
    @PostMapping("/update")
    ResponseEntity<String> update(@AuthenticationPrincipal PortalUser me, @RequestBody(required = false) JsonNode body,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        V2Body in = V2Body.of(body);
        long id = in.requiredId("id", CONFIG);
        long account = targets.accountOfConfig(me, id);
        scope.requireWritable(me, account);
        String name = in.string("name", 1000);
        var parameters = in.parameters("parameters");
        return change(idempotency, account, key, "configs/update", in, V2Json.OneConfig.class,
                () -> one(configs.update(account, id, name, parameters, FlexActor.of(me)), targets.programSerialOf(account)));
    }

    /** {id} → {configs: {...}}; disable stops the configuration's ACTIVE and PENDING entitlements, enable restarts none. */
    @PostMapping("/{action:disable|enable}")
    ResponseEntity<String> status(@AuthenticationPrincipal PortalUser me, @PathVariable String action,
                                  @RequestBody(required = false) JsonNode body,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        V2Body in = V2Body.of(body);
        long id = in.requiredId("id", CONFIG);
        long account = targets.accountOfConfig(me, id);
        scope.requireWritable(me, account);
        FlexActor actor = FlexActor.of(me);
        return change(idempotency, account, key, "configs/" + action, in, V2Json.OneConfig.class,
                () -> one(action.equals("disable") ? configs.disable(account, id, actor) : configs.enable(account, id, actor),
                        targets.programSerialOf(account)));
    }

    private V2Json.Config json(FlexConfig c, String programSerial) {
        return V2Json.Config.of(c, catalog.get(c.productTypeId()), programSerial);
    }

    private V2Json.OneConfig one(FlexConfig c, String programSerial) {
        return new V2Json.OneConfig(0, V2Json.OK, null, json(c, programSerial));
    }
}
