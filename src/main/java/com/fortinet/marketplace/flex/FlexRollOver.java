package com.fortinet.marketplace.flex;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies {@link RollOverRule} at each anniversary a prepaid program has reached. Idempotent: flex_rollovers has one
 * row per (program, anniversary), checked under the program row lock, so running twice rolls over once. Every writer
 * of a program's ledger (transfer, usage, the daily job) calls {@link #applyDue} first, so a row dated today never
 * lands in a program year that has not been closed.
 */
@Service
public class FlexRollOver {

    private final JdbcTemplate jdbc;
    private final FlexLedger ledger;

    public FlexRollOver(JdbcTemplate jdbc, FlexLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    public record Done(long programId, LocalDate anniversary, RollOverRule.Result result) {
    }

    /** The caller holds the program row lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Done> applyDue(FlexProgram program, LocalDate today) {
        List<Done> done = new ArrayList<>();
        if (!program.isPrepaid()) {
            return done; // roll-over does not apply to postpaid programs
        }
        List<LocalDate> reached = ProgramCalendar.anniversariesReached(program.startDate(), program.endDate(), today);
        for (int n = 1; n <= reached.size(); n++) {
            LocalDate anniversary = reached.get(n - 1);
            if (alreadyRolled(program.id(), anniversary)) {
                continue;
            }
            LocalDate yearStart = ProgramCalendar.anniversary(program.startDate(), n - 1);
            var result = RollOverRule.atAnniversary(yearStart, ledger.openingBalance(program.id(), yearStart),
                    ledger.creditsBetween(program.id(), yearStart, anniversary),
                    ledger.consumedBetween(program.id(), yearStart, anniversary));
            jdbc.update("""
                    insert into flex_rollovers (program_id, anniversary, unused_added_before_day_180, unused_added_from_day_180,
                        rolled_over, forfeited) values (?, ?, ?, ?, ?, ?)""", program.id(), Date.valueOf(anniversary),
                    result.unusedAddedBeforeDay180().toBigDecimal(), result.unusedAddedFromDay180().toBigDecimal(),
                    result.rolledOver().toBigDecimal(), result.forfeited().toBigDecimal());
            if (result.forfeited().isPositive()) {
                ledger.append(program.id(), FlexLedgerKind.FORFEIT, result.forfeited().negate(), anniversary,
                        "Not rolled over at the " + anniversary + " anniversary: half of " + fmt(result.unusedAddedBeforeDay180())
                                + " unused points added before day 180 of the program year", null);
            }
            if (result.unused().isPositive()) {
                ledger.append(program.id(), FlexLedgerKind.ROLL_OVER, FlexPoints.ZERO, anniversary,
                        fmt(result.rolledOver()) + " points carried into the program year starting " + anniversary + " ("
                                + fmt(result.unusedAddedBeforeDay180()) + " unused from before day 180 at half, "
                                + fmt(result.unusedAddedFromDay180()) + " from day 180 on in full)", null);
            }
            done.add(new Done(program.id(), anniversary, result));
        }
        return done;
    }

    private boolean alreadyRolled(long programId, LocalDate anniversary) {
        Integer n = jdbc.queryForObject("select count(*) from flex_rollovers where program_id = ? and anniversary = ?",
                Integer.class, programId, Date.valueOf(anniversary));
        return n != null && n > 0;
    }

    static String fmt(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    static String fmt(FlexPoints n) {
        return n.display();
    }
}
