package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.flex.RollOverRule.Credit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * A program's own FortiFlex points ledger: append-only, each row carrying the balance after it. The balance goes below
 * zero only through daily usage (prepaid overage). Callers hold the
 * program row lock ({@link FlexPrograms#findByIdForUpdate}) while appending, so balances never interleave.
 */
@Repository
public class FlexLedger {

    private static final RowMapper<FlexLedgerEntry> MAPPER = (rs, i) -> new FlexLedgerEntry(rs.getLong("id"),
            rs.getLong("program_id"), FlexLedgerKind.valueOf(rs.getString("kind")), FlexPoints.of(rs.getBigDecimal("points")),
            FlexPoints.of(rs.getBigDecimal("balance_after")), rs.getObject("effective_date", LocalDate.class), rs.getString("description"),
            (Long) rs.getObject("transfer_id", Long.class), (Long) rs.getObject("flex_pack_id", Long.class),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    public FlexLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Σ of the ledger. */
    public FlexPoints balance(long programId) {
        return FlexPoints.ofNullable(jdbc.queryForObject("select sum(points) from flex_ledger where program_id = ?",
                BigDecimal.class, programId));
    }

    /** Balance after the newest row, read with a lock so it is the latest committed one whatever the snapshot. */
    private FlexPoints lockedBalance(long programId) {
        List<BigDecimal> last = jdbc.queryForList(
                "select balance_after from flex_ledger where program_id = ? order by id desc limit 1 for update",
                BigDecimal.class, programId);
        return last.isEmpty() ? FlexPoints.ZERO : FlexPoints.of(last.get(0));
    }

    public long append(long programId, FlexLedgerKind kind, FlexPoints points, LocalDate effectiveDate, String description,
                       Long transferId) {
        return append(programId, kind, points, effectiveDate, description, transferId, null);
    }

    /** {@code transferId} / {@code flexPackId}: the transfer or FortiFlex points pack a credit comes from. */
    public long append(long programId, FlexLedgerKind kind, FlexPoints points, LocalDate effectiveDate, String description,
                       Long transferId, Long flexPackId) {
        return appendRow(programId, kind, points, effectiveDate, description, transferId, flexPackId).id();
    }

    /** The row written and the program's balance after it (the row's own balance_after: no sum over the ledger). */
    public record Appended(long id, FlexPoints balanceAfter) {
    }

    public Appended appendRow(long programId, FlexLedgerKind kind, FlexPoints points, LocalDate effectiveDate,
                              String description, Long transferId, Long flexPackId) {
        FlexPoints after = lockedBalance(programId).plus(points);
        // Prepaid overage (DESIGN §4.4): only daily usage takes a balance below zero; a credit into a negative balance
        // may leave it negative, any other debit must be covered.
        if (after.isNegative() && points.isNegative() && kind != FlexLedgerKind.USAGE) {
            throw new IllegalStateException("FortiFlex balance of program " + programId + " would be negative");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into flex_ledger (program_id, kind, points, balance_after, effective_date, description, transfer_id,
                        flex_pack_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, programId);
            ps.setString(2, kind.name());
            ps.setBigDecimal(3, points.toBigDecimal());
            ps.setBigDecimal(4, after.toBigDecimal());
            ps.setDate(5, Date.valueOf(effectiveDate));
            ps.setString(6, description.length() > 300 ? description.substring(0, 300) : description);
            ps.setObject(7, transferId);
            ps.setObject(8, flexPackId);
            return ps;
        }, keys);
        return new Appended(keys.getKey().longValue(), after);
    }

    public Page<FlexLedgerEntry> page(long programId, Pageable pageable) {
        List<FlexLedgerEntry> rows = jdbc.query("""
                select * from flex_ledger where program_id = ? order by id desc limit ? offset ?""", MAPPER,
                programId, pageable.getPageSize(), pageable.getOffset());
        Long total = jdbc.queryForObject("select count(*) from flex_ledger where program_id = ?", Long.class, programId);
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    public List<FlexLedgerEntry> all(long programId) {
        return jdbc.query("select * from flex_ledger where program_id = ? order by id", MAPPER, programId);
    }

    /**
     * Points held when the program year starting {@code yearStart} opened: every row dated before it, plus the
     * forfeit written at that anniversary (it closes the previous year).
     */
    public FlexPoints openingBalance(long programId, LocalDate yearStart) {
        return FlexPoints.ofNullable(jdbc.queryForObject("""
                select sum(points) from flex_ledger
                where program_id = ? and (effective_date < ? or (effective_date = ? and kind in ('FORFEIT', 'ROLL_OVER')))""",
                BigDecimal.class, programId, Date.valueOf(yearStart), Date.valueOf(yearStart)));
    }

    /** Points added (transfers in, FortiFlex points packs) during [from, to), in the order they were added. */
    public List<Credit> creditsBetween(long programId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select effective_date, points from flex_ledger
                where program_id = ? and kind in ('TRANSFER_IN', 'PACK_IN') and effective_date >= ? and effective_date < ?
                order by effective_date, id""", (rs, i) -> new Credit(rs.getObject(1, LocalDate.class),
                        FlexPoints.of(rs.getBigDecimal(2))),
                programId, Date.valueOf(from), Date.valueOf(to));
    }

    /** Points consumed during [from, to), as a positive number. */
    public FlexPoints consumedBetween(long programId, LocalDate from, LocalDate to) {
        return FlexPoints.ofNullable(jdbc.queryForObject("""
                select -sum(points) from flex_ledger
                where program_id = ? and kind = 'USAGE' and effective_date >= ? and effective_date < ?""",
                BigDecimal.class, programId, Date.valueOf(from), Date.valueOf(to)));
    }
}
