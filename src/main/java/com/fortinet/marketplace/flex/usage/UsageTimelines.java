package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.DailyCharge;
import com.fortinet.marketplace.flex.DailyCharge.Change;
import com.fortinet.marketplace.flex.DailyCharge.RateFrom;
import com.fortinet.marketplace.flex.DailyCharge.State;
import com.fortinet.marketplace.flex.DailyCharge.Status;
import com.fortinet.marketplace.flex.FlexPoints;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the daily charge is computed from, for one program, in two queries: every entitlement's events (status,
 * configuration and end date after each change, in the order they happened) and every configuration's versions
 * (points/day from an instant on). Both tables are append-only, so a day once finished always reads the same.
 */
@Repository
class UsageTimelines {

    private final JdbcTemplate jdbc;

    UsageTimelines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One entitlement's whole history, oldest change first. */
    record Timeline(long entitlementId, String serialNumber, List<Change<Long>> changes) {
    }

    /** A program's timelines and its configurations' rates, with changes up to {@code until} (exclusive). */
    record Program(List<Timeline> timelines, Map<Long, List<RateFrom>> versions) {

        DailyCharge.Rates<Long> rates() {
            return DailyCharge.Rates.versions(versions::get);
        }

        /** What each entitlement costs on {@code day} (charged ones only). */
        List<Charged> charges(LocalDate day) {
            DailyCharge.Rates<Long> rates = rates();
            List<Charged> out = new ArrayList<>();
            for (Timeline t : timelines) {
                DailyCharge.Charge<Long> c = DailyCharge.of(DailyCharge.EntitlementDay.of(day, t.changes()), rates);
                if (c.charged()) {
                    out.add(new Charged(t.entitlementId(), t.serialNumber(), c.config(), c.points()));
                }
            }
            return out;
        }
    }

    /** An entitlement's charge for a day: the points and the configuration charged. */
    record Charged(long entitlementId, String serialNumber, long configId, FlexPoints points) {
    }

    Program load(long programId, Instant until) {
        Map<Long, Timeline> byEntitlement = new LinkedHashMap<>();
        jdbc.query("""
                select ev.entitlement_id, e.serial_number, ev.at, ev.status_after, ev.config_id_after, ev.end_date_after
                from flex_entitlement_events ev join flex_entitlements e on e.id = ev.entitlement_id
                where e.program_id = ? and ev.at < ?
                order by ev.entitlement_id, ev.at, ev.id""", rs -> {
            long id = rs.getLong(1);
            String serial = rs.getString(2);
            byEntitlement.computeIfAbsent(id, k -> new Timeline(k, serial, new ArrayList<>())).changes().add(new Change<>(rs.getTimestamp(3).toInstant(), new State<>(Status.valueOf(rs.getString(4)),
                    rs.getLong(5), rs.getObject(6, LocalDate.class))));
        }, programId, Timestamp.from(until));

        Map<Long, List<RateFrom>> versions = new HashMap<>();
        jdbc.query("""
                select v.config_id, v.valid_from, v.points_per_day
                from flex_config_versions v join flex_configs c on c.id = v.config_id
                where c.program_id = ?
                order by v.config_id, v.version""", rs -> {
            versions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new RateFrom(rs.getTimestamp(2).toInstant(), FlexPoints.of(rs.getBigDecimal(3))));
        }, programId);
        return new Program(List.copyOf(byEntitlement.values()), versions);
    }
}
