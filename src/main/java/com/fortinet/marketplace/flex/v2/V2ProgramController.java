package com.fortinet.marketplace.flex.v2;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.flex.FlexLedger;
import com.fortinet.marketplace.flex.FlexProgram;
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

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** FortiFlex v2 {@code programs/*}: the programs of the accounts in the caller's scope and their points reports. */
@RestController
@RequestMapping(V2Controller.BASE + "/programs")
class V2ProgramController extends V2Controller {

    private final AccountScope scope;
    private final FlexPrograms programs;
    private final BusinessClock clock;
    private final V2Targets targets;
    private final V2Usage usage;
    private final FlexLedger ledger;

    V2ProgramController(AccountScope scope, FlexPrograms programs, BusinessClock clock, V2Targets targets, V2Usage usage,
                        FlexLedger ledger) {
        this.targets = targets;
        this.usage = usage;
        this.ledger = ledger;
        this.scope = scope;
        this.programs = programs;
        this.clock = clock;
    }

    /**
     * {programSerialNumber, accountId?, startDate, endDate} (inclusive) → {programs: [{serialNumber, accountId, type,
     * startDate, endDate, points, provisional, balance, days: [{date, points, provisional}]}]}: FortiFlex's daily
     * points report of the program from the daily usage ({@link V2Usage}); days on which nothing was charged are left
     * out; balance is the prepaid balance now (null for postpaid).
     */
    @PostMapping("/points")
    ResponseEntity<V2Json.ProgramPointsAnswer> points(@AuthenticationPrincipal PortalUser me,
                                                      @RequestBody(required = false) JsonNode body) {
        V2Body in = V2Body.of(body);
        FlexProgram program = targets.program(me, in.requiredString("programSerialNumber", 32,
                "the serial number of your FortiFlex program (programs/list)"), in.id("accountId"));
        var from = in.requiredDate("startDate");
        var to = in.requiredDate("endDate");
        var rows = usage.rows(program.accountId(), from, to);
        V2Usage.Sum total = rows.stream().reduce(V2Usage.Sum.ZERO, V2Usage.Sum::plus, (a, b) -> a);
        var days = usage.byDay(rows).entrySet().stream().map(e -> new V2Json.DayPoints(V2Json.date(e.getKey()),
                e.getValue().points().toBigDecimal(), e.getValue().provisional())).toList();
        return ok(new V2Json.ProgramPointsAnswer(0, V2Json.OK, null, List.of(new V2Json.ProgramPoints(
                program.serialNumber(), program.accountId(), program.type().name(), V2Json.date(from), V2Json.date(to),
                total.points().toBigDecimal(), total.provisional(),
                program.isPrepaid() ? ledger.balance(program.id()).toBigDecimal() : null, days))));
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
