package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.database.Transactions;
import com.fortinet.marketplace.flex.DailyCharge;
import com.fortinet.marketplace.flex.FlexLedger;
import com.fortinet.marketplace.flex.FlexLedgerKind;
import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.flex.FlexRollOver;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

/**
 * Writes a program's finished business days of usage (DESIGN §4.4), each exactly once: per entitlement the points and
 * the configuration charged ({@link DailyCharge} over its events and its configurations' versions), the day's record,
 * and for a prepaid program one USAGE row of the FortiFlex ledger with the day's total (none when the day cost nothing).
 * <p>
 * Once per (program, day): the whole catch-up of a program runs in one transaction under the program row lock (the
 * lock every writer of its ledger takes), starting after the last day written, and flex_usage_days' primary key
 * refuses a day written twice. Two instances or threads on one program queue on the lock; the second finds nothing
 * left to write. Missed days (the portal was down, the job failed) are caught up from the program's start or the
 * last day written, oldest first, up to yesterday or the program's last day.
 */
@Service
public class DailyUsageWriter {

    private final FlexPrograms programs;
    private final FlexLedger ledger;
    private final FlexRollOver rollOver;
    private final UsageTimelines timelines;
    private final UsageDays days;
    private final Transactions transactions;

    DailyUsageWriter(FlexPrograms programs, FlexLedger ledger, FlexRollOver rollOver, UsageTimelines timelines,
                     UsageDays days, Transactions transactions) {
        this.programs = programs;
        this.ledger = ledger;
        this.rollOver = rollOver;
        this.timelines = timelines;
        this.days = days;
        this.transactions = transactions;
    }

    /** What one catch-up wrote. */
    public record Written(long programId, int days, int usageRows, int ledgerRows) {
        static Written none(long programId) {
            return new Written(programId, 0, 0, 0);
        }
    }

    /** Writes every finished day of the program not written yet, as of business date {@code today}. */
    public Written catchUp(long programId, LocalDate today) {
        return transactions.inTransaction(() -> programs.findByIdForUpdate(programId)
                .map(p -> write(p, today)).orElse(Written.none(programId)));
    }

    private Written write(FlexProgram program, LocalDate today) {
        LocalDate first = days.lastWritten(program.id()).map(d -> d.plusDays(1)).orElse(program.startDate());
        // The last finished day: yesterday, or the program's last day [start, end) if it has ended.
        LocalDate last = today.isBefore(program.endDate()) ? today.minusDays(1) : program.endDate().minusDays(1);
        if (last.isBefore(first)) {
            return Written.none(program.id());
        }
        UsageTimelines.Program history = timelines.load(program.id(), DailyCharge.startOf(last.plusDays(1)));
        int dayCount = 0;
        int usageRows = 0;
        int ledgerRows = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            List<UsageTimelines.Charged> charges = history.charges(day);
            FlexPoints total = charges.stream().map(UsageTimelines.Charged::points).reduce(FlexPoints.ZERO, FlexPoints::plus);
            Long entry = null;
            if (program.isPrepaid() && total.isPositive()) {
                // An anniversary on or before this day closes its program year before the day's usage lands in the next.
                rollOver.applyDue(program, day);
                entry = ledger.append(program.id(), FlexLedgerKind.USAGE, total.negate(), day,
                        "Daily consumption on " + day + ": " + charges.size()
                                + (charges.size() == 1 ? " entitlement" : " entitlements"), null);
                ledgerRows++;
            }
            days.insertDay(program.id(), day, total, charges.size(), entry);
            days.insertUsage(program.id(), day, charges);
            dayCount++;
            usageRows += charges.size();
        }
        return new Written(program.id(), dayCount, usageRows, ledgerRows);
    }
}
