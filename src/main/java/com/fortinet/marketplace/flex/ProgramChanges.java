package com.fortinet.marketplace.flex;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** flex_program_changes, and the program history a change must respect. */
@Repository
public class ProgramChanges {

    private static final String SELECT = """
            select c.id, c.program_id, c.change_kind, c.months, c.previous_start, c.previous_end, c.start_date, c.end_date,
                   c.idempotency_key, u.email, c.created_at
            from flex_program_changes c join users u on u.id = c.user_id
            """;
    private static final RowMapper<ProgramChange> MAPPER = (rs, i) -> new ProgramChange(rs.getLong(1), rs.getLong(2),
            ProgramChange.Kind.valueOf(rs.getString(3)), (Integer) rs.getObject(4, Integer.class),
            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
            rs.getObject(8, LocalDate.class), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant());

    private final JdbcTemplate jdbc;

    public ProgramChanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ProgramChange> of(long programId) {
        return jdbc.query(SELECT + " where c.program_id = ? order by c.id desc", MAPPER, programId);
    }

    public void insert(FlexProgramDatesChanged c, Integer months, String key) {
        jdbc.update("""
                insert into flex_program_changes (program_id, change_kind, months, previous_start, previous_end, start_date,
                    end_date, idempotency_key, user_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                c.programId(), c.kind().name(), months, Date.valueOf(c.previousStart()), Date.valueOf(c.previousEnd()),
                Date.valueOf(c.startDate()), Date.valueOf(c.endDate()), key, c.userId());
    }

    /** The first day FortiFlex points were added or used, and the last anniversary rolled over. */
    public ProgramDates.History history(long programId) {
        LocalDate first = jdbc.queryForObject("select min(effective_date) from flex_ledger where program_id = ?",
                LocalDate.class, programId);
        LocalDate rolled = jdbc.queryForObject("select max(anniversary) from flex_rollovers where program_id = ?",
                LocalDate.class, programId);
        return new ProgramDates.History(first, rolled);
    }
}
