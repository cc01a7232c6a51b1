package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.flex.RollOverRule.Credit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * A program's own FortiFlex points ledger: append-only, each row carrying the balance after it. Callers hold the
 * program row lock ({@link FlexPrograms#findByIdForUpdate}) while appending, so balances never interleave.
 */
@Repository
public class FlexLedger {

    private static final RowMapper<FlexLedgerEntry> MAPPER = (rs, i) -> new FlexLedgerEntry(rs.getLong("id"),
            rs.getLong("program_id"), FlexLedgerKind.valueOf(rs.getString("kind")), rs.getLong("points"),
            rs.getLong("balance_after"), rs.getObject("effective_date", LocalDate.class), rs.getString("description"),
            (Long) rs.getObject("transfer_id", Long.class), rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    public FlexLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Σ of the ledger. */
    public long balance(long programId) {
        Long sum = jdbc.queryForObject("select coalesce(sum(points), 0) from flex_ledger where program_id = ?",
                Long.class, programId);
        return sum == null ? 0 : sum;
    }

    /** Balance after the newest row, read with a lock so it is the latest committed one whatever the snapshot. */
    private long lockedBalance(long programId) {
        List<Long> last = jdbc.queryForList(
                "select balance_after from flex_ledger where program_id = ? order by id desc limit 1 for update",
                Long.class, programId);
        return last.isEmpty() ? 0 : last.get(0);
    }

    public long append(long programId, FlexLedgerKind kind, long points, LocalDate effectiveDate, String description,
                       Long transferId) {
        long after = lockedBalance(programId) + points;
        if (after < 0) {
            throw new IllegalStateException("FortiFlex balance of program " + programId + " would be negative");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into flex_ledger (program_id, kind, points, balance_after, effective_date, description, transfer_id)
                    values (?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, programId);
            ps.setString(2, kind.name());
            ps.setLong(3, points);
            ps.setLong(4, after);
            ps.setDate(5, Date.valueOf(effectiveDate));
            ps.setString(6, description.length() > 300 ? description.substring(0, 300) : description);
            ps.setObject(7, transferId);
            return ps;
        }, keys);
        return keys.getKey().longValue();
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
    public long openingBalance(long programId, LocalDate yearStart) {
        Long sum = jdbc.queryForObject("""
                select coalesce(sum(points), 0) from flex_ledger
                where program_id = ? and (effective_date < ? or (effective_date = ? and kind in ('FORFEIT', 'ROLL_OVER')))""",
                Long.class, programId, Date.valueOf(yearStart), Date.valueOf(yearStart));
        return sum == null ? 0 : sum;
    }

    /** Transfers in during [from, to), in the order they were added. */
    public List<Credit> creditsBetween(long programId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select effective_date, points from flex_ledger
                where program_id = ? and kind = 'TRANSFER_IN' and effective_date >= ? and effective_date < ?
                order by effective_date, id""", (rs, i) -> new Credit(rs.getObject(1, LocalDate.class), rs.getLong(2)),
                programId, Date.valueOf(from), Date.valueOf(to));
    }

    /** Points consumed during [from, to), as a positive number. */
    public long consumedBetween(long programId, LocalDate from, LocalDate to) {
        Long sum = jdbc.queryForObject("""
                select coalesce(-sum(points), 0) from flex_ledger
                where program_id = ? and kind = 'USAGE' and effective_date >= ? and effective_date < ?""",
                Long.class, programId, Date.valueOf(from), Date.valueOf(to));
        return sum == null ? 0 : sum;
    }
}
