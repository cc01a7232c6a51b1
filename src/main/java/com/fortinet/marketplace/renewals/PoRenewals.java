package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.TextRules;
import com.fortinet.marketplace.accounts.AccountLock;
import com.fortinet.marketplace.database.Transactions;
import com.fortinet.marketplace.installedbase.InstalledBase;
import com.fortinet.marketplace.forticare.ContinuousServicePolicy;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Renewals bought through a traditional purchase order, recorded by renewals staff so the channel split is real.
 * Creates the successor contract under the Continuous Service Policy like a marketplace renewal would; touches no
 * points (nobody's balance changes: the PO was paid outside the portal).
 */
@Service
public class PoRenewals {

    public static final List<Integer> TERMS = List.of(12, 36, 60);

    private final NamedParameterJdbcTemplate jdbc;
    private final AccountLock accountLock;
    private final InstalledBase contracts;
    private final Transactions transactions;
    private final BusinessClock clock;

    public PoRenewals(NamedParameterJdbcTemplate jdbc, AccountLock accountLock, InstalledBase contracts,
                      Transactions transactions, BusinessClock clock) {
        this.jdbc = jdbc;
        this.accountLock = accountLock;
        this.contracts = contracts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The contract to renew and what a PO renewal of each term would look like today. */
    public record Draft(long contractId, String contractNumber, String service, LocalDate startDate, LocalDate endDate,
                        long unitId, String serialNumber, String model, String family, long accountId,
                        String accountName, String successorNumber, boolean latest,
                        ContinuousServicePolicy.Start start, String explanation, Map<Integer, Long> listPrices,
                        LocalDate today) {

        public Long listPrice(int termMonths) {
            return listPrices.get(termMonths);
        }

        public boolean renewable() {
            return successorNumber == null && latest;
        }

        public LocalDate endFor(int term) {
            return start.date().plusMonths(term);
        }

        public long backdatedDays() {
            return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(start.date(), today));
        }
    }

    public record Recorded(long contractId, String contractNumber, LocalDate start, LocalDate end, long backdatedDays) {
    }

    public Draft draft(long contractId) {
        LocalDate today = clock.today();
        List<Draft> found = jdbc.query("""
                select c.id, c.contract_number, c.service, c.start_date, c.end_date, u.id as unit_id, u.serial_number,
                       u.model, u.family, a.id as account_id, a.name as account_name,
                       (select s.contract_number from service_contracts s where s.renews_contract_id = c.id
                        order by s.id limit 1) as successor_number,
                       not exists (select 1 from service_contracts l where l.unit_id = c.unit_id and l.service = c.service
                                   and (l.end_date > c.end_date or (l.end_date = c.end_date and l.id > c.id))) as latest
                from service_contracts c join units u on u.id = c.unit_id join accounts a on a.id = u.account_id
                where c.id = :id and c.original_end_date is null
                """, Map.of("id", contractId), (rs, i) -> {
            LocalDate end = rs.getDate("end_date").toLocalDate();
            ContinuousServicePolicy.Start start = ContinuousServicePolicy.start(end, today);
            return new Draft(rs.getLong("id"), rs.getString("contract_number"), rs.getString("service"),
                    rs.getDate("start_date").toLocalDate(), end, rs.getLong("unit_id"), rs.getString("serial_number"),
                    rs.getString("model"), rs.getString("family"), rs.getLong("account_id"), rs.getString("account_name"),
                    rs.getString("successor_number"), rs.getBoolean("latest"), start,
                    ContinuousServicePolicy.explain(start, today), Map.of(), today);
        });
        if (found.isEmpty()) {
            throw new NotFoundException("Contract " + contractId + " was not found.");
        }
        Draft d = found.get(0);
        Map<Integer, Long> prices = new java.util.TreeMap<>();
        jdbc.query("select term_months, points from price_list where model = :m and service = :s",
                Map.of("m", d.model(), "s", d.service()), rs -> {
                    prices.put(rs.getInt(1), rs.getLong(2));
                });
        return new Draft(d.contractId(), d.contractNumber(), d.service(), d.startDate(), d.endDate(), d.unitId(),
                d.serialNumber(), d.model(), d.family(), d.accountId(), d.accountName(), d.successorNumber(),
                d.latest(), d.start(), d.explanation(), prices, today);
    }

    /**
     * Locks the unit's account, the row a marketplace order of the same unit locks too, so a PO renewal and a
     * FortiPoints renewal of one contract take turns: the second sees the first's successor and answers 409 (or, for
     * an order, renews the new contract). Then checks again under the lock and writes the successor contract and the
     * PO record.
     */
    public Recorded record(PortalUser staff, long contractId, int termMonths, String poNumber, String amountText) {
        if (!staff.isStaff()) {
            throw new com.fortinet.marketplace.web.ForbiddenException("Only renewals staff record PO renewals.");
        }
        FieldChecks checks = new FieldChecks();
        if (!TERMS.contains(termMonths)) {
            checks.fail("termMonths", "Choose a term of 12, 36 or 60 months.");
        }
        String po = poNumber == null ? "" : checks.value(() -> TextRules.line("poNumber", "PO numbers", poNumber));
        if (po != null && po.isEmpty()) {
            checks.fail("poNumber", "Enter the purchase order number.");
        } else if (po != null && po.length() > 40) {
            checks.fail("poNumber", "PO numbers are at most 40 characters.");
        }
        checks.done();
        return transactions.inTransaction(() -> recordLocked(staff, contractId, termMonths, po, amountText));
    }

    private Recorded recordLocked(PortalUser staff, long contractId, int termMonths, String po, String amountText) {
        List<Long> account = jdbc.queryForList("select u.account_id from service_contracts c join units u on u.id = c.unit_id "
                + "where c.id = :id", Map.of("id", contractId), Long.class);
        if (account.isEmpty()) {
            throw new NotFoundException("Contract " + contractId + " was not found.");
        }
        accountLock.lock(account.get(0));
        Draft d = draft(contractId);
        if (d.successorNumber() != null) {
            throw new ConflictException("contractId", "Contract " + d.contractNumber() + " was already renewed by "
                    + d.successorNumber() + ".");
        }
        if (!d.latest()) {
            throw new ConflictException("contractId", "Contract " + d.contractNumber() + " is not the unit's latest "
                    + d.service() + " contract; record the renewal against the latest one.");
        }
        long amount = amount(amountText, d.listPrices().get(termMonths));
        LocalDate start = d.start().date();
        LocalDate end = start.plusMonths(termMonths);
        var created = contracts.insertContract(InstalledBase.NewContract.of(d.unitId(), d.service(), start, end)
                .following(InstalledBase.Kind.RENEWAL, d.contractId())
                .paidByPo(amount));
        long id = created.id();
        jdbc.update("""
                insert into po_renewals (contract_id, po_number, amount, term_months, backdated_days, business_date, recorded_by)
                values (:id, :po, :amount, :term, :backdated, :today, :by)
                """, new MapSqlParameterSource().addValue("id", id).addValue("po", po).addValue("amount", amount)
                .addValue("term", termMonths).addValue("backdated", d.backdatedDays())
                .addValue("today", Date.valueOf(d.today())).addValue("by", staff.email()));
        return new Recorded(id, created.contractNumber(), start, end, d.backdatedDays());
    }

    /** The PO's amount in USD (= points); blank means the list price of the term. */
    static long amount(String text, Long listPrice) {
        if (text == null || text.isBlank()) {
            if (listPrice == null) {
                throw new InvalidInputException("amount", "This model and service have no list price for that term: "
                        + "enter the PO amount.");
            }
            return listPrice;
        }
        try {
            long v = Long.parseLong(text.trim().replace(",", ""));
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("amount", "Enter the PO amount as whole US dollars, e.g. 1200.");
        }
    }
}
