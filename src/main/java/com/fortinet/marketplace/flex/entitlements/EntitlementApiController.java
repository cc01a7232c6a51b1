package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.flex.FlexActor;
import com.fortinet.marketplace.flex.FlexIdempotency;
import com.fortinet.marketplace.flex.FlexJson;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/** DESIGN §7: an account's FortiFlex entitlements. Changes take an Idempotency-Key. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/flex/entitlements")
class EntitlementApiController {

    private final AccountScope scope;
    private final EntitlementService entitlements;
    private final FlexIdempotency idempotency;

    EntitlementApiController(AccountScope scope, EntitlementService entitlements, FlexIdempotency idempotency) {
        this.scope = scope;
        this.entitlements = entitlements;
        this.idempotency = idempotency;
    }

    /** A JSON array of entitlements (Jackson needs a concrete type to store and replay it). */
    static final class EntitlementList extends java.util.ArrayList<EntitlementJson> {
        EntitlementList() {
        }

        EntitlementList(List<EntitlementJson> items) {
            super(items);
        }
    }

    @GetMapping
    List<EntitlementJson> list(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                               @RequestParam(required = false) Long configId,
                               @RequestParam(required = false) EntitlementStatus status,
                               @RequestParam(required = false) Integer productTypeId,
                               @RequestParam(required = false) String serialNumber) {
        scope.requireVisible(me, accountId);
        if (serialNumber != null && serialNumber.length() > 32) {
            throw new InvalidInputException("serialNumber", "'serialNumber' is at most 32 characters.");
        }
        return entitlements.list(accountId, new EntitlementFilter(productTypeId, status, configId, serialNumber)).stream()
                .map(r -> EntitlementJson.of(r.entitlement(), me.canChange())).toList();
    }

    record EventJson(String kind, Instant at, String by, EntitlementStatus status, long configId, LocalDate endDate,
                     String detail) {
    }

    record DetailJson(EntitlementJson entitlement, String configName, String productTypeName, List<EventJson> events) {
    }

    @GetMapping("/{serialNumber}")
    DetailJson one(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, @PathVariable String serialNumber) {
        scope.requireVisible(me, accountId);
        EntitlementRow row = entitlements.get(accountId, serialNumber);
        return new DetailJson(EntitlementJson.of(row.entitlement(), me.canChange()), row.configName(), row.productTypeName(),
                entitlements.events(row).stream().map(e -> new EventJson(e.kind().name(), e.at(), e.actor(), e.statusAfter(),
                        e.configIdAfter(), e.endDateAfter(), e.detail())).toList());
    }

    /** {configId, count?, serialNumbers?, description?, endDate?} → 201 the new entitlements. */
    @PostMapping
    ResponseEntity<String> create(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                                  @RequestBody(required = false) JsonNode body,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        scope.requireWritable(me, accountId);
        FlexJson in = FlexJson.of(body);
        var request = new EntitlementService.NewEntitlements(in.whole("configId"),
                in.whole("count"), in.strings("serialNumbers", 1000),
                in.string("description", 1000), in.date("endDate"));
        return change(me, accountId, key, "POST entitlements " + body, 201,
                () -> entitlements.create(accountId, request, FlexActor.of(me)));
    }

    /** {description?, configId?, endDate?, terminationMode?: FOLLOW_PROGRAM} → 200 the entitlement. */
    @PatchMapping("/{serialNumber}")
    ResponseEntity<String> update(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                                  @PathVariable String serialNumber, @RequestBody(required = false) JsonNode body,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        scope.requireWritable(me, accountId);
        FlexJson in = FlexJson.of(body);
        String mode = in.string("terminationMode", 40);
        LocalDate end = in.date("endDate");
        Termination termination = termination(mode, end);
        var changes = new EntitlementService.Changes(in.string("description", 1000), in.whole("configId"), termination);
        return idempotency.run(accountId, key, "PATCH entitlements/" + serialNumber + " " + body, 200, EntitlementJson.class,
                () -> EntitlementJson.of(entitlements.update(accountId, serialNumber, changes, FlexActor.of(me)), true)).response();
    }

    private static Termination termination(String mode, LocalDate end) {
        if (mode == null) {
            return end == null ? null : Termination.of(end);
        }
        return switch (mode.strip()) {
            case "FOLLOW_PROGRAM" -> {
                if (end != null) {
                    throw new InvalidInputException("endDate", "Send an endDate with terminationMode USER_DEFINED, or none with FOLLOW_PROGRAM.");
                }
                yield Termination.FOLLOW_PROGRAM;
            }
            case "USER_DEFINED" -> {
                if (end == null) {
                    throw new InvalidInputException("endDate", "A USER_DEFINED termination needs an endDate (YYYY-MM-DD).");
                }
                yield Termination.of(end);
            }
            default -> throw new InvalidInputException("terminationMode", "'terminationMode' is FOLLOW_PROGRAM or USER_DEFINED.");
        };
    }

    /** {serialNumbers} → 200 the stopped entitlements; one product type per call, all or nothing. */
    @PostMapping("/stop")
    ResponseEntity<String> stop(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                                @RequestBody(required = false) JsonNode body,
                                @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        scope.requireWritable(me, accountId);
        List<String> serials = FlexJson.of(body).strings("serialNumbers", 1000);
        return change(me, accountId, key, "POST entitlements/stop " + body, 200,
                () -> entitlements.stop(accountId, serials, FlexActor.of(me)));
    }

    /** {serialNumbers, endDate?} → 200; no endDate: the entitlements follow the program's end. */
    @PostMapping("/reactivate")
    ResponseEntity<String> reactivate(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                                      @RequestBody(required = false) JsonNode body,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        scope.requireWritable(me, accountId);
        FlexJson in = FlexJson.of(body);
        List<String> serials = in.strings("serialNumbers", 1000);
        Termination termination = Termination.of(in.date("endDate"));
        return change(me, accountId, key, "POST entitlements/reactivate " + body, 200,
                () -> entitlements.reactivate(accountId, serials, termination, FlexActor.of(me)));
    }

    /** {serialNumbers} → 200: hardware STOPPED or EXPIRED, at most 100. */
    @PostMapping("/remove")
    ResponseEntity<String> remove(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                                  @RequestBody(required = false) JsonNode body,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        scope.requireWritable(me, accountId);
        List<String> serials = FlexJson.of(body).strings("serialNumbers", 1000);
        return change(me, accountId, key, "POST entitlements/remove " + body, 200,
                () -> entitlements.remove(accountId, serials, FlexActor.of(me)));
    }

    /** → 200 the entitlement with a new NOTUSED token; the old token no longer works. */
    @PostMapping("/{serialNumber}/token")
    ResponseEntity<String> token(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                                 @PathVariable String serialNumber,
                                 @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        scope.requireWritable(me, accountId);
        return idempotency.run(accountId, key, "POST entitlements/" + serialNumber + "/token", 200, EntitlementJson.class,
                () -> EntitlementJson.of(entitlements.regenerateToken(accountId, serialNumber, FlexActor.of(me)), true)).response();
    }

    private ResponseEntity<String> change(PortalUser me, long accountId, String key, String fingerprint, int status,
                                          Supplier<List<Entitlement>> work) {
        return idempotency.run(accountId, key, fingerprint, status, EntitlementList.class,
                () -> new EntitlementList(work.get().stream().map(e -> EntitlementJson.of(e, true)).toList())).response();
    }
}
