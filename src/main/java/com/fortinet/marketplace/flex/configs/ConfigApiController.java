package com.fortinet.marketplace.flex.configs;

import com.fortinet.marketplace.flex.FlexActor;
import com.fortinet.marketplace.flex.FlexIdempotency;
import com.fortinet.marketplace.flex.FlexJson;
import com.fortinet.marketplace.flex.catalog.Catalog;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** DESIGN §7: an account's FortiFlex configurations. Changes take an Idempotency-Key. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/flex/configs")
class ConfigApiController {

    private final AccountScope scope;
    private final ConfigService configs;
    private final Catalog catalog;
    private final FlexIdempotency idempotency;

    ConfigApiController(AccountScope scope, ConfigService configs, Catalog catalog, FlexIdempotency idempotency) {
        this.scope = scope;
        this.configs = configs;
        this.catalog = catalog;
        this.idempotency = idempotency;
    }

    @GetMapping
    List<ConfigJson> list(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId) {
        scope.requireVisible(me, accountId);
        return configs.ofAccount(accountId).stream().map(this::json).toList();
    }

    @GetMapping("/{configId}")
    ConfigJson one(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, @PathVariable long configId) {
        scope.requireVisible(me, accountId);
        return json(configs.get(accountId, configId));
    }

    /** {name, productTypeId, parameters:[{id, value}]} → 201 configuration. */
    @PostMapping
    ResponseEntity<String> create(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                                  @RequestBody(required = false) JsonNode body,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        scope.requireWritable(me, accountId);
        FlexJson in = FlexJson.of(body);
        String name = in.string("name", 1000);
        Integer type = in.wholeInt("productTypeId", 1, 100_000);
        var parameters = in.parameters("parameters");
        return idempotency.run(accountId, key, "POST configs " + body, 201, ConfigJson.class,
                () -> json(configs.create(accountId, name, type, parameters, FlexActor.of(me)))).response();
    }

    /** {name?, parameters?} → 200: parameters given replace those ids, from now on, for all its entitlements. */
    @PatchMapping("/{configId}")
    ResponseEntity<String> update(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                                  @PathVariable long configId, @RequestBody(required = false) JsonNode body,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        scope.requireWritable(me, accountId);
        FlexJson in = FlexJson.of(body);
        String name = in.string("name", 1000);
        var parameters = in.parameters("parameters");
        return idempotency.run(accountId, key, "PATCH configs/" + configId + " " + body, 200, ConfigJson.class,
                () -> json(configs.update(accountId, configId, name, parameters, FlexActor.of(me)))).response();
    }

    @PostMapping("/{configId}/disable")
    ResponseEntity<String> disable(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                                   @PathVariable long configId,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        scope.requireWritable(me, accountId);
        return idempotency.run(accountId, key, "POST configs/" + configId + "/disable", 200, ConfigJson.class,
                () -> json(configs.disable(accountId, configId, FlexActor.of(me)))).response();
    }

    @PostMapping("/{configId}/enable")
    ResponseEntity<String> enable(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                                  @PathVariable long configId,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        scope.requireWritable(me, accountId);
        return idempotency.run(accountId, key, "POST configs/" + configId + "/enable", 200, ConfigJson.class,
                () -> json(configs.enable(accountId, configId, FlexActor.of(me)))).response();
    }

    private ConfigJson json(FlexConfig c) {
        return ConfigJson.of(c, catalog.get(c.productTypeId()));
    }
}
