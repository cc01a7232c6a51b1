package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexPoints;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The written days of daily usage (flex_usage_days) and each entitlement's charge on them (flex_usage). */
@Repository
class UsageDays {

    /** Rows per multi-row insert: one statement for a program's day however the driver batches. */
    private static final int ROWS_PER_INSERT = 500;

    private final JdbcTemplate jdbc;

    UsageDays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The last day written for the program. The caller holds the program row lock; under READ COMMITTED (every
     * connection) a second writer that waited for that lock reads what the first one committed.
     */
    Optional<LocalDate> lastWritten(long programId) {
        return Optional.ofNullable(jdbc.queryForObject(
                "select max(day) from flex_usage_days where program_id = ?", LocalDate.class, programId));
    }

    /**
     * Programs with a finished day not written yet as of {@code today}: the day after the last one written (or the
     * start) is before both today and the program's end.
     */
    List<Long> programsDue(LocalDate today) {
        return jdbc.queryForList("""
                select p.id from flex_programs p
                left join (select program_id, max(day) as last_day from flex_usage_days group by program_id) w
                       on w.program_id = p.id
                where coalesce(date_add(w.last_day, interval 1 day), p.start_date) < least(?, p.end_date)
                order by p.id""", Long.class, Date.valueOf(today));
    }

    /** Written usage of the program's days in [from, to], per entitlement, oldest day first. */
    List<UsageRow> written(long programId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select u.day, e.serial_number, u.entitlement_id, u.config_id, u.points
                from flex_usage u join flex_entitlements e on e.id = u.entitlement_id
                where u.program_id = ? and u.day between ? and ?
                order by u.day, e.serial_number""", (rs, i) -> new UsageRow(rs.getObject(1, LocalDate.class),
                        rs.getString(2), rs.getLong(3), rs.getLong(4), FlexPoints.of(rs.getBigDecimal(5)), false),
                programId, Date.valueOf(from), Date.valueOf(to));
    }

    void insertDay(long programId, LocalDate day, FlexPoints points, int entitlements, Long ledgerEntryId) {
        jdbc.update("insert into flex_usage_days (program_id, day, points, entitlements, ledger_entry_id) values (?, ?, ?, ?, ?)",
                programId, Date.valueOf(day), points.toBigDecimal(), entitlements, ledgerEntryId);
    }

    void insertUsage(long programId, LocalDate day, List<UsageTimelines.Charged> charges) {
        for (int from = 0; from < charges.size(); from += ROWS_PER_INSERT) {
            List<UsageTimelines.Charged> chunk = charges.subList(from, Math.min(charges.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder(
                    "insert into flex_usage (entitlement_id, day, program_id, config_id, points) values ");
            List<Object> args = new ArrayList<>(chunk.size() * 5);
            for (int i = 0; i < chunk.size(); i++) {
                UsageTimelines.Charged c = chunk.get(i);
                sql.append(i == 0 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
                args.add(c.entitlementId());
                args.add(Date.valueOf(day));
                args.add(programId);
                args.add(c.configId());
                args.add(c.points().toBigDecimal());
            }
            jdbc.update(sql.toString(), args.toArray());
        }
    }
}
