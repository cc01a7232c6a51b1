package com.fortinet.marketplace.flex;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@Repository
public class FlexPrograms {

    private static final String COLUMNS = "id, account_id, type, serial_number, start_date, end_date, created_at";
    private static final RowMapper<FlexProgram> MAPPER = (rs, i) -> new FlexProgram(rs.getLong("id"),
            rs.getLong("account_id"), FlexProgramType.valueOf(rs.getString("type")), rs.getString("serial_number"),
            rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    public FlexPrograms(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FlexProgram> findByAccount(long accountId) {
        return jdbc.query("select " + COLUMNS + " from flex_programs where account_id = ?", MAPPER, accountId)
                .stream().findFirst();
    }

    /** Locks the program row: every writer of a program's FortiFlex ledger queues here. */
    public Optional<FlexProgram> findByAccountForUpdate(long accountId) {
        return jdbc.query("select " + COLUMNS + " from flex_programs where account_id = ? for update", MAPPER, accountId)
                .stream().findFirst();
    }

    public Optional<FlexProgram> findByIdForUpdate(long programId) {
        return jdbc.query("select " + COLUMNS + " from flex_programs where id = ? for update", MAPPER, programId)
                .stream().findFirst();
    }

    public Optional<FlexProgram> findById(long programId) {
        return jdbc.query("select " + COLUMNS + " from flex_programs where id = ?", MAPPER, programId).stream().findFirst();
    }

    /** The caller holds the program row lock. */
    public void updateDates(long programId, LocalDate start, LocalDate end) {
        jdbc.update("update flex_programs set start_date = ?, end_date = ? where id = ?", Date.valueOf(start),
                Date.valueOf(end), programId);
    }

    public boolean serialExists(String serial) {
        Integer n = jdbc.queryForObject("select count(*) from flex_programs where serial_number = ?", Integer.class, serial);
        return n != null && n > 0;
    }

    public long insert(long accountId, FlexProgramType type, String serial, LocalDate start, LocalDate end, Long createdBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into flex_programs (account_id, type, serial_number, start_date, end_date, created_by)
                    values (?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, accountId);
            ps.setString(2, type.name());
            ps.setString(3, serial);
            ps.setDate(4, Date.valueOf(start));
            ps.setDate(5, Date.valueOf(end));
            ps.setObject(6, createdBy);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** Prepaid programs that have reached at least one anniversary (the roll-over decides which are due). */
    public List<Long> prepaidRunningIds(LocalDate today) {
        return jdbc.queryForList("""
                select id from flex_programs
                where type = 'PREPAID' and start_date <= ?
                order by id""", Long.class, Date.valueOf(today.minusYears(1).plusDays(1))); // +1 day: a 29 February start rolls on 28 February
    }

    /** Every program with its account name, for the admin list. */
    public List<ProgramRow> all() {
        return jdbc.query("""
                select p.id, p.account_id, a.name, p.type, p.serial_number, p.start_date, p.end_date
                from flex_programs p join accounts a on a.id = p.account_id
                order by a.name""", (rs, i) -> new ProgramRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                FlexProgramType.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class)));
    }

    public record ProgramRow(long id, long accountId, String accountName, FlexProgramType type, String serialNumber,
                             LocalDate startDate, LocalDate endDate) {
    }
}
