package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A consumption row written by hand (roll-over tests set up exact amounts with it). Real consumption is computed from
 * entitlements and written each night by {@link com.fortinet.marketplace.flex.usage.DailyUsageWriter}; this one has
 * no entitlement rows behind it and never takes the balance below zero.
 */
@Service
public class FlexUsage {

    private final FlexPrograms programs;
    private final FlexLedger ledger;
    private final FlexRollOver rollOver;
    private final BusinessClock clock;

    public FlexUsage(FlexPrograms programs, FlexLedger ledger, FlexRollOver rollOver, BusinessClock clock) {
        this.programs = programs;
        this.ledger = ledger;
        this.rollOver = rollOver;
        this.clock = clock;
    }

    /** Records {@code points} consumed today; returns the ledger entry id. */
    @Transactional
    public long record(long accountId, FlexPoints points, String description) {
        if (!points.isPositive()) {
            throw new InvalidInputException("points", "Consumption is at least 0.01 point.");
        }
        FlexProgram program = programs.findByAccountForUpdate(accountId)
                .orElseThrow(() -> new NotFoundException("Account " + accountId + " has no FortiFlex program."));
        if (!program.isPrepaid()) {
            throw new BusinessRuleException("Postpaid FortiFlex program", "Postpaid usage is billed monthly; it is not deducted from a points balance.");
        }
        var today = clock.today();
        rollOver.applyDue(program, today);
        FlexPoints balance = ledger.balance(program.id());
        if (points.compareTo(balance) > 0) {
            throw new BusinessRuleException("Insufficient FortiFlex points", "Consumption of " + points.display()
                    + " points is more than the FortiFlex balance of " + balance.display() + ".");
        }
        return ledger.append(program.id(), FlexLedgerKind.USAGE, points.negate(), today, description, null);
    }
}
