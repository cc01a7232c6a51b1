package com.fortinet.marketplace.points;

import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.idempotency.Idempotency;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** Back office: issue registration codes, import registrations made before the portal existed. Admin only. */
@RestController
@RequestMapping("/api/v1/admin")
class PointsAdminApiController {

    private final RegistrationCodes codes;
    private final PackService packs;
    private final AccountService accounts;
    private final BusinessClock clock;

    PointsAdminApiController(RegistrationCodes codes, PackService packs, AccountService accounts, BusinessClock clock) {
        this.codes = codes;
        this.packs = packs;
        this.accounts = accounts;
        this.clock = clock;
    }

    record IssueBody(String sku, Integer count, String note) {
    }

    record IssuedJson(long batchId, String sku, long pointsPerCode, int count, List<String> codes) {
    }

    record ImportBody(String sku, LocalDate registeredAt) {
    }

    @PostMapping("/registration-codes")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedJson issue(@AuthenticationPrincipal PortalUser me, @RequestBody IssueBody body) {
        var batch = codes.issue(body.sku(), body.count(), body.note(), me.userId());
        return new IssuedJson(batch.id(), batch.sku(), batch.pointsPerCode(), batch.count(),
                codes.codesOf(batch.id()).stream().map(RegistrationCodes.Code::display).toList());
    }

    @PostMapping("/accounts/{id}/packs/import")
    ResponseEntity<PointsApiController.PackJson> importPack(@AuthenticationPrincipal PortalUser me, @PathVariable long id,
                                                            @RequestBody ImportBody body,
                                                            @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        accounts.get(id);
        var imported = packs.importPack(id, body.sku(), body.registeredAt(), me.userId(), key);
        return ResponseEntity.status(HttpStatus.CREATED).headers(Idempotency.replayHeaders(imported.replayed()))
                .body(PointsApiController.PackJson.of(imported.result(), clock.today()));
    }
}
