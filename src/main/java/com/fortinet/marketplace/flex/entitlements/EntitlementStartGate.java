package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.flex.FlexLedger;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.RunningProgram;
import com.fortinet.marketplace.web.BusinessRuleException;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Whether entitlements of a program may start consuming now: asked before creating and before reactivating, under the
 * program's row lock (so a transfer or the daily job can't change the balance between the check and the change). The
 * program must be running, and a PREPAID program must have points left (DESIGN §4.4, prepaid overage): at a balance
 * ≤ 0 nothing new starts, while entitlements already running continue and accrue overage. The caller's transaction
 * rolls back on a refusal, so a refused request changes nothing.
 */
@Component
public class EntitlementStartGate {

    public static final String NO_POINTS_TITLE = "No FortiFlex points left";
    public static final String NO_POINTS =
            "The program has no points left: transfer FortiPoints or register a FortiFlex points pack first.";

    private final FlexLedger ledger;

    EntitlementStartGate(FlexLedger ledger) {
        this.ledger = ledger;
    }

    public void check(FlexProgram program, LocalDate today) {
        RunningProgram.require(program, today);
        if (program.isPrepaid() && !ledger.balance(program.id()).isPositive()) {
            throw new BusinessRuleException(NO_POINTS_TITLE, NO_POINTS);
        }
    }
}
