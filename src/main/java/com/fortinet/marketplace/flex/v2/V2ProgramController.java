package com.fortinet.marketplace.flex.v2;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.Set;
import java.util.stream.Collectors;

/** FortiFlex v2 {@code programs/*}: the programs of the accounts in the caller's scope. */
@RestController
@RequestMapping(V2Controller.BASE + "/programs")
class V2ProgramController extends V2Controller {

    private final AccountScope scope;
    private final FlexPrograms programs;
    private final BusinessClock clock;

    V2ProgramController(AccountScope scope, FlexPrograms programs, BusinessClock clock) {
        this.scope = scope;
        this.programs = programs;
        this.clock = clock;
    }

    /** {} → {programs: [{serialNumber, accountId, type, startDate, endDate, hasSupportCoverage}]}. */
    @PostMapping("/list")
    ResponseEntity<V2Json.Programs> list(@AuthenticationPrincipal PortalUser me, @RequestBody(required = false) JsonNode body) {
        V2Body.of(body);
        Set<Long> visible = scope.accountsOf(me).stream().map(Account::getId).collect(Collectors.toSet());
        var today = clock.today();
        return ok(new V2Json.Programs(0, V2Json.OK, null, programs.all().stream()
                .filter(p -> visible.contains(p.accountId()))
                .map(p -> V2Json.Program.of(p, today)).toList()));
    }
}
