package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.RunningProgram;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Whether entitlements of a program may start consuming now: asked before creating and before reactivating, under the
 * program's row lock. Today: the program must be running.
 *
 * <p>Hook for issue 11 (DESIGN §4.4 "prepaid overage"): a PREPAID program whose balance is ≤ 0 refuses here with
 * "The program has no points left: transfer FortiPoints or register a FortiFlex points pack first."
 */
@Component
public class EntitlementStartGate {

    public void check(FlexProgram program, LocalDate today) {
        RunningProgram.require(program, today);
    }
}
