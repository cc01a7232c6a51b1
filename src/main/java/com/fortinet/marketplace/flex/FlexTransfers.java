package com.fortinet.marketplace.flex;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

@Repository
public class FlexTransfers {

    private static final String SELECT = """
            select t.id, t.account_id, t.program_id, p.serial_number, t.forti_points_spent, t.flex_points_acquired, t.rate,
                   t.anniversary_date, t.points_ledger_entry_id, u.email, t.created_at
            from flex_transfers t
            join flex_programs p on p.id = t.program_id
            join users u on u.id = t.created_by
            """;
    private static final RowMapper<FlexTransfer> MAPPER = (rs, i) -> new FlexTransfer(rs.getLong(1), rs.getLong(2),
            rs.getLong(3), rs.getString(4), rs.getLong(5), FlexPoints.of(rs.getBigDecimal(6)), FlexPoints.of(rs.getBigDecimal(7)),
            rs.getObject(8, LocalDate.class),
            rs.getLong(9), rs.getString(10), rs.getTimestamp(11).toInstant());

    private final JdbcTemplate jdbc;

    public FlexTransfers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FlexTransfer> find(long accountId, long transferId) {
        return jdbc.query(SELECT + " where t.account_id = ? and t.id = ?", MAPPER, accountId, transferId).stream().findFirst();
    }

    /** The account's transfers among {@code transferIds}, in one statement (History's page: it read them one by one). */
    public List<FlexTransfer> find(long accountId, Collection<Long> transferIds) {
        if (transferIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(transferIds.size(), "?"));
        List<Object> args = new ArrayList<>(transferIds.size() + 1);
        args.add(accountId);
        args.addAll(transferIds);
        return jdbc.query(SELECT + " where t.account_id = ? and t.id in (" + marks + ")", MAPPER, args.toArray());
    }

    public List<FlexTransfer> ofAccount(long accountId, int limit) {
        return jdbc.query(SELECT + " where t.account_id = ? order by t.created_at desc, t.id desc limit ?", MAPPER,
                accountId, limit);
    }

    /** Writes the transfer and answers it as read back, without reading it back (the spend path counts statements). */
    public FlexTransfer insert(long accountId, FlexProgram program, long fortiPoints, FlexPoints flexPoints, FlexPoints rate,
                               LocalDate anniversary, String key, long pointsLedgerEntryId, long userId, String userEmail,
                               Instant at) {
        Instant createdAt = at.truncatedTo(ChronoUnit.MICROS); // the column's precision
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into flex_transfers (account_id, program_id, forti_points_spent, flex_points_acquired, rate,
                        anniversary_date, idempotency_key, points_ledger_entry_id, created_by, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, accountId);
            ps.setLong(2, program.id());
            ps.setLong(3, fortiPoints);
            ps.setBigDecimal(4, flexPoints.toBigDecimal());
            ps.setBigDecimal(5, rate.toBigDecimal());
            ps.setDate(6, Date.valueOf(anniversary));
            ps.setString(7, key);
            ps.setLong(8, pointsLedgerEntryId);
            ps.setLong(9, userId);
            ps.setTimestamp(10, Timestamp.from(createdAt));
            return ps;
        }, keys);
        return new FlexTransfer(keys.getKey().longValue(), accountId, program.id(), program.serialNumber(), fortiPoints,
                flexPoints, rate, anniversary, pointsLedgerEntryId, userEmail, createdAt);
    }
}
