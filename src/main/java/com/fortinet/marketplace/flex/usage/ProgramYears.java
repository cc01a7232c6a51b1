package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexLedger;
import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.ProgramCalendar;
import com.fortinet.marketplace.flex.RollOverRule;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** The program year containing a day, with its figures read from the FortiFlex ledger. */
@Component
class ProgramYears {

    private final FlexLedger ledger;

    ProgramYears(FlexLedger ledger) {
        this.ledger = ledger;
    }

    ProgramYear of(FlexProgram program, LocalDate day) {
        LocalDate start = ProgramCalendar.yearStart(program.startDate(), day);
        LocalDate next = ProgramCalendar.nextAnniversary(program.startDate(), day);
        FlexPoints added = ledger.creditsBetween(program.id(), start, next).stream().map(RollOverRule.Credit::points)
                .reduce(FlexPoints.ZERO, FlexPoints::plus);
        return new ProgramYear(start, next, ledger.openingBalance(program.id(), start), added,
                ledger.consumedBetween(program.id(), start, next));
    }
}
