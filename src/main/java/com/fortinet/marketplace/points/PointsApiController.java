package com.fortinet.marketplace.points;

import com.fortinet.marketplace.idempotency.Idempotency;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** DESIGN §7: points of an account, registering packs, the ledger, the SKU catalogue. */
@RestController
@RequestMapping("/api/v1")
class PointsApiController {

    private final AccountScope scope;
    private final PointsQueries queries;
    private final PackRegistration registration;
    private final PointsSkus skus;
    private final BusinessClock clock;

    PointsApiController(AccountScope scope, PointsQueries queries, PackRegistration registration, PointsSkus skus,
                        BusinessClock clock) {
        this.scope = scope;
        this.queries = queries;
        this.registration = registration;
        this.skus = skus;
        this.clock = clock;
    }

    /** kind: FORTIPOINTS (registers on the points balance) or FORTIFLEX (registers onto a prepaid FortiFlex program). */
    record SkuJson(String sku, long points, SkuKind kind) {
    }

    record PackJson(long packId, String sku, long points, long remaining, LocalDate registeredAt, LocalDate expiresAt,
                    PackStatus status) {
        static PackJson of(PointPack p, LocalDate today) {
            return new PackJson(p.id(), p.sku(), p.points(), p.remaining(), p.registeredAt(), p.expiresAt(), p.status(today));
        }
    }

    record PointsJson(long accountId, long balance, long registered, long used, long expired, long expiringIn90Days,
                      List<PackJson> packs) {
    }

    record RegisteredJson(long packId, long accountId, String sku, long points, long remaining, LocalDate registeredAt,
                          LocalDate expiresAt, PackStatus status, long balance) {
    }

    record LedgerJson(long entryId, LedgerKind kind, long points, long balanceAfter, Instant at, LocalDate businessDate,
                      String reference) {
    }

    record RegisterBody(String registrationCode) {
    }

    @GetMapping("/points-skus")
    List<SkuJson> skus() {
        return skus.active().stream().map(s -> new SkuJson(s.sku(), s.points(), s.kind())).toList();
    }

    @GetMapping("/accounts/{id}/points")
    PointsJson points(@AuthenticationPrincipal PortalUser me, @PathVariable long id) {
        scope.requireVisible(me, id);
        PointsSummary s = queries.summary(id);
        return new PointsJson(id, s.balance(), s.registered(), s.used(), s.expired(), s.expiringIn90Days(),
                s.packs().stream().map(p -> PackJson.of(p, s.today())).toList());
    }

    @PostMapping("/accounts/{id}/packs")
    ResponseEntity<RegisteredJson> register(@AuthenticationPrincipal PortalUser me, @PathVariable long id,
                                            @RequestBody(required = false) RegisterBody body,
                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        var r = registration.register(me, id, body == null ? null : body.registrationCode(), key);
        PointPack p = r.pack();
        return ResponseEntity.status(HttpStatus.CREATED).headers(Idempotency.replayHeaders(r.replayed())).body(new RegisteredJson(p.id(),
                p.accountId(), p.sku(), p.points(), p.remaining(), p.registeredAt(), p.expiresAt(), p.status(clock.today()),
                r.balance()));
    }

    @GetMapping("/accounts/{id}/ledger")
    List<LedgerJson> ledger(@AuthenticationPrincipal PortalUser me, @PathVariable long id,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        scope.requireVisible(me, id);
        if (page < 0) {
            throw new InvalidInputException("page", "page starts at 0.");
        }
        if (size < 1 || size > 1000) {
            throw new InvalidInputException("size", "size is between 1 and 1000.");
        }
        return queries.ledgerPage(id, page, size).stream().map(e -> new LedgerJson(e.id(), e.kind(), e.points(),
                e.balanceAfter(), e.createdAt(), e.businessDate(), e.reference())).toList();
    }
}
