package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexLedger;
import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.ProgramUsage;
import com.fortinet.marketplace.flex.RunOut;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * A program's consumption figures (DESIGN §4.4 program page, §7 {@code GET …/flex-program}): this year's consumption
 * against what was available, the average daily burn of the last 7 finished days, the day the balance runs out at
 * that burn, and today's usage so far (provisional).
 */
@Component
public class UsageFigures implements ProgramUsage {

    private final FlexUsageService usage;
    private final ProgramYears years;
    private final FlexLedger ledger;
    private final JdbcTemplate jdbc;
    private final BusinessClock clock;

    UsageFigures(FlexUsageService usage, ProgramYears years, FlexLedger ledger, JdbcTemplate jdbc, BusinessClock clock) {
        this.usage = usage;
        this.years = years;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Figures of(FlexProgram program) {
        LocalDate today = clock.today();
        return of(program, usage.usage(program.accountId(), today.minusDays(RunOut.BURN_DAYS), today),
                program.isPrepaid() ? year(program) : null);
    }

    /**
     * {@link #of(FlexProgram)} from what the caller has read already: {@code recent}, the program's usage rows over at
     * least the {@value RunOut#BURN_DAYS} days before today and today, and {@code year}, the program year (prepaid
     * only). The program page reads both for its own sections; reading them again here cost it a dozen statements.
     */
    Figures of(FlexProgram program, List<UsageRow> recent, ProgramYear year) {
        LocalDate today = clock.today();
        LocalDate burnFrom = today.minusDays(RunOut.BURN_DAYS);
        FlexPoints todaySoFar = FlexUsageService.total(recent.stream().filter(r -> r.date().equals(today)).toList());
        FlexPoints lastWeek = FlexUsageService.total(recent.stream()
                .filter(r -> !r.date().isBefore(burnFrom) && r.date().isBefore(today)).toList());
        FlexPoints burn = RunOut.burn(lastWeek);
        if (!program.isPrepaid()) {
            LocalDate yearDay = today.isBefore(program.startDate()) ? program.startDate() : today;
            return new Figures(null, consumedFromUsage(program, yearDay), burn, null, todaySoFar);
        }
        return new Figures(year.available(), year.consumed(), burn, RunOut.date(ledger.balance(program.id()), burn, today),
                todaySoFar);
    }

    /** The program year's figures (prepaid). */
    ProgramYear year(FlexProgram program) {
        LocalDate today = clock.today();
        return years.of(program, today.isBefore(program.startDate()) ? program.startDate() : today);
    }

    private FlexPoints consumedFromUsage(FlexProgram program, LocalDate day) {
        LocalDate start = com.fortinet.marketplace.flex.ProgramCalendar.yearStart(program.startDate(), day);
        LocalDate next = com.fortinet.marketplace.flex.ProgramCalendar.nextAnniversary(program.startDate(), day);
        List<BigDecimal> sum = jdbc.queryForList(
                "select sum(points) from flex_usage_days where program_id = ? and day >= ? and day < ?", BigDecimal.class,
                program.id(), Date.valueOf(start), Date.valueOf(next));
        return FlexPoints.ofNullable(sum.isEmpty() ? null : sum.get(0));
    }
}
