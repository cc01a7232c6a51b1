package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Each customer's FortiFlex balance and run-out date for the partner console, for one page of accounts in one query
 * (no query per row). The burn is the written days of the last week (the nightly job writes them after midnight,
 * flex.usage); the rule is {@link RunOut}.
 */
@Component
public class FlexConsoleFigures {

    /** A customer's program: PREPAID or POSTPAID; balance and run-out only for prepaid (null run-out: nothing burns). */
    public record Figures(String type, FlexPoints balance, LocalDate runOutDate) {
        public boolean prepaid() {
            return "PREPAID".equals(type);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final BusinessClock clock;

    FlexConsoleFigures(NamedParameterJdbcTemplate jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** By account id; accounts without a program are absent. */
    public Map<Long, Figures> of(Collection<Long> accountIds) {
        Map<Long, Figures> out = new HashMap<>();
        if (accountIds.isEmpty()) {
            return out;
        }
        LocalDate today = clock.today();
        jdbc.query("""
                select p.account_id, p.type,
                       (select coalesce(sum(l.points), 0) from flex_ledger l where l.program_id = p.id) as balance,
                       (select coalesce(sum(d.points), 0) from flex_usage_days d
                        where d.program_id = p.id and d.day >= :weekAgo and d.day < :today) as week
                from flex_programs p where p.account_id in (:ids)""", new MapSqlParameterSource()
                .addValue("ids", accountIds).addValue("today", Date.valueOf(today))
                .addValue("weekAgo", Date.valueOf(today.minusDays(RunOut.BURN_DAYS))), rs -> {
            String type = rs.getString("type");
            FlexPoints balance = FlexPoints.of(rs.getBigDecimal("balance"));
            FlexPoints burn = RunOut.burn(FlexPoints.of(rs.getBigDecimal("week")));
            boolean prepaid = "PREPAID".equals(type);
            out.put(rs.getLong("account_id"), new Figures(type, prepaid ? balance : null,
                    prepaid ? RunOut.date(balance, burn, today) : null));
        });
        return out;
    }
}
