package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** DESIGN §7 {@code GET /api/v1/accounts/{id}/flex/statements?month=YYYY-MM} (postpaid). */
@RestController
class StatementApiController {

    private final AccountScope scope;
    private final FlexStatements statements;

    StatementApiController(AccountScope scope, FlexStatements statements) {
        this.scope = scope;
        this.statements = statements;
    }

    record StatementJson(String month, String programSerialNumber, List<LineJson> lines, FlexPoints total,
                         boolean provisional) {
    }

    record LineJson(String serialNumber, long configId, FlexPoints points) {
    }

    @GetMapping("/api/v1/accounts/{accountId}/flex/statements")
    StatementJson api(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                      @RequestParam(required = false) String month) {
        scope.requireVisible(me, accountId);
        var s = statements.of(accountId, statements.month(month));
        return new StatementJson(s.month().toString(), s.programSerialNumber(),
                s.lines().stream().map(l -> new LineJson(l.serialNumber(), l.configId(), l.points())).toList(), s.total(),
                s.provisional());
    }
}
