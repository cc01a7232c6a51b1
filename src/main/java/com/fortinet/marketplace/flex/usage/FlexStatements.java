package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Monthly statements of postpaid programs (DESIGN §4.4: usage billed monthly): per entitlement the points of the
 * calendar month's business days the program ran, and the total. The running month is provisional (its remaining
 * days and today so far are not final); a finished month is final once the nightly job has written its last day.
 */
@Service
public class FlexStatements {

    public static final String PREPAID_TITLE = "Prepaid FortiFlex program";

    private final FlexPrograms programs;
    private final FlexUsageService usage;
    private final BusinessClock clock;

    FlexStatements(FlexPrograms programs, FlexUsageService usage, BusinessClock clock) {
        this.programs = programs;
        this.usage = usage;
        this.clock = clock;
    }

    /** One entitlement's line: its points in the month, and the configuration it was last charged for. */
    public record Line(String serialNumber, long configId, FlexPoints points) {
    }

    public record Statement(YearMonth month, String programSerialNumber, List<Line> lines, FlexPoints total,
                            boolean provisional) {
    }

    /** "YYYY-MM"; blank: the current month. A month not begun yet is refused. */
    public YearMonth month(String raw) {
        YearMonth current = YearMonth.from(clock.today());
        if (raw == null || raw.isBlank()) {
            return current;
        }
        YearMonth m;
        try {
            m = YearMonth.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "month is YYYY-MM, e.g. " + current.minusMonths(1) + ", not '"
                    + (raw.length() > 20 ? raw.substring(0, 20) + "…" : raw) + "'.");
        }
        if (m.isAfter(current)) {
            throw new InvalidInputException("month", "The month " + m + " has not begun; the latest statement is " + current + ".");
        }
        return m;
    }

    public Statement of(long accountId, YearMonth month) {
        FlexProgram program = programs.findByAccount(accountId).orElseThrow(() -> new NotFoundException(
                "Account " + accountId + " has no FortiFlex program."));
        if (program.isPrepaid()) {
            throw new BusinessRuleException(PREPAID_TITLE, "Monthly statements are for postpaid (MSSP) programs. Program "
                    + program.serialNumber() + " is prepaid: its usage is deducted daily, see its FortiFlex points ledger.");
        }
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        List<UsageRow> rows = usage.usage(accountId, from, to);
        java.util.Map<String, Line> bySerial = new java.util.TreeMap<>();
        for (UsageRow r : rows) {
            bySerial.merge(r.serialNumber(), new Line(r.serialNumber(), r.configId(), r.points()),
                    (a, b) -> new Line(a.serialNumber(), b.configId(), a.points().plus(b.points())));
        }
        boolean provisional = !to.isBefore(clock.today()) || rows.stream().anyMatch(UsageRow::provisional);
        return new Statement(month, program.serialNumber(), List.copyOf(bySerial.values()), FlexUsageService.total(rows),
                provisional);
    }
}
