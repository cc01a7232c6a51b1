package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.points.PortalMailProperties;
import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.PartnerLinks;
import com.fortinet.marketplace.database.Transactions;
import com.fortinet.marketplace.flex.FlexLedger;
import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.flex.entitlements.EntitlementStartGate;
import com.fortinet.marketplace.points.Mailer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Consumption alerts of prepaid programs (DESIGN §4.4): when the program year's written consumption reaches 80 %, 90 %
 * and 100 % of the points available that year, one e-mail through the outbox to the account's users and its partners'
 * users, once per threshold per program year, and a notice on the program page. flex_usage_alerts' primary key is the
 * "once" across runs and instances (insert ignore claims it); the e-mails are written in the same transaction, so a
 * claimed alert always has its e-mails and a failed one can be claimed again.
 */
@Service
public class FlexUsageAlerts {

    /** An alert that went out. */
    public record Alert(int threshold, LocalDate yearStart, FlexPoints consumed, FlexPoints available, LocalDate asOf) {
    }

    private final JdbcTemplate jdbc;
    private final FlexPrograms programs;
    private final ProgramYears years;
    private final FlexLedger ledger;
    private final PartnerLinks links;
    private final AccountRepository accounts;
    private final Mailer mailer;
    private final Transactions transactions;
    private final String portalUrl;

    FlexUsageAlerts(JdbcTemplate jdbc, FlexPrograms programs, ProgramYears years, FlexLedger ledger, PartnerLinks links,
                    AccountRepository accounts, Mailer mailer, Transactions transactions,
                    PortalMailProperties mail) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.years = years;
        this.ledger = ledger;
        this.links = links;
        this.accounts = accounts;
        this.mailer = mailer;
        this.transactions = transactions;
        this.portalUrl = mail.baseUrl();
    }

    /**
     * Sends the alerts the program year containing {@code asOf} (the last day written) has reached and not sent yet.
     * @return the alerts sent now
     */
    public List<Alert> check(long programId, LocalDate asOf) {
        return transactions.inTransaction(() -> {
            FlexProgram program = programs.findById(programId).orElse(null);
            if (program == null || !program.isPrepaid() || asOf.isBefore(program.startDate())) {
                return List.<Alert>of();
            }
            ProgramYear year = years.of(program, asOf);
            List<Alert> sent = new ArrayList<>();
            for (int threshold : UsageThresholds.reached(year.available(), year.consumed())) {
                int claimed = jdbc.update("""
                        insert ignore into flex_usage_alerts (program_id, year_start, threshold, consumed, available, as_of)
                        values (?, ?, ?, ?, ?, ?)""", programId, Date.valueOf(year.start()), threshold,
                        year.consumed().toBigDecimal(), year.available().toBigDecimal(), Date.valueOf(asOf));
                if (claimed == 1) {
                    Alert alert = new Alert(threshold, year.start(), year.consumed(), year.available(), asOf);
                    send(program, year, alert);
                    sent.add(alert);
                }
            }
            return sent;
        });
    }

    /** The alerts sent in the program year starting {@code yearStart}, lowest threshold first (program page notices). */
    public List<Alert> ofYear(long programId, LocalDate yearStart) {
        return jdbc.query("""
                select threshold, year_start, consumed, available, as_of from flex_usage_alerts
                where program_id = ? and year_start = ? order by threshold""", (rs, i) -> new Alert(rs.getInt(1),
                rs.getObject(2, LocalDate.class), FlexPoints.of(rs.getBigDecimal(3)), FlexPoints.of(rs.getBigDecimal(4)),
                rs.getObject(5, LocalDate.class)), programId, Date.valueOf(yearStart));
    }

    private void send(FlexProgram program, ProgramYear year, Alert alert) {
        String name = accounts.findById(program.accountId()).map(a -> a.getName()).orElse("account " + program.accountId());
        String subject = alert.threshold() >= 100
                ? "FortiFlex: all of this year's points used — " + name
                : "FortiFlex: " + alert.threshold() + "% of this year's points used — " + name;
        String body = "Hello,\n\nFortiFlex program " + program.serialNumber() + " has used " + alert.consumed().display()
                + " of the " + alert.available().display() + " points available in the program year that started on "
                + year.start() + " (" + UsageThresholds.percent(alert.available(), alert.consumed()) + " %, usage up to "
                + alert.asOf() + ").\nBalance: " + ledger.balance(program.id()).display() + " points.\n\n"
                + (alert.threshold() >= 100
                ? EntitlementStartGate.NO_POINTS + " Running entitlements continue and their usage is deducted as "
                + "overage; new entitlements can't be created or reactivated until points are added.\n\n"
                : "Transfer FortiPoints or register a FortiFlex points pack before the points run out.\n\n")
                + "Account: " + name + " (FortiCloud account " + program.accountId() + ")\n"
                + "FortiFlex program: " + portalUrl + "/accounts/" + program.accountId() + "/flex\n\n— FortiMarketplace";
        mailer.send(recipients(program.accountId()), subject, body, program.accountId());
    }

    /** The account's enabled users, then those of the partners managing it. */
    List<String> recipients(long accountId) {
        Set<String> to = new LinkedHashSet<>(jdbc.queryForList(
                "select email from users where account_id = ? and enabled order by email", String.class, accountId));
        for (long partner : links.partnersOf(accountId)) {
            to.addAll(jdbc.queryForList("select email from users where account_id = ? and enabled order by email",
                    String.class, partner));
        }
        return new ArrayList<>(to);
    }
}
