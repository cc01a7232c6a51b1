package com.fortinet.marketplace.renewals;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The RTS figures and drill-down lists, straight from SQL aggregates (nothing is loaded into memory to be counted).
 * Without a partner filter they sum the per-day counts of {@code rts_due_days} (migration V9_40, kept by triggers), so
 * they take the same time at 200,000 units as at 2,000,000; with one they read the partner's contracts.
 * <p>
 * A drill-down page without a partner filter is found in three steps that don't grow with the installed base: the
 * per-day counts say which days the page covers and how many rows of its first day come before it; the narrow
 * {@code rts_due_contracts} (V9_41, one row per due contract, kept by triggers) gives the page's contract ids by an
 * index range scan in the list's order that stops after the page; then only those contracts are read in full. With a
 * partner filter, and for the CSV export, the list is read and sorted from the contracts.
 * <p>
 * A due contract is a service contract whose end date falls in the period, except one cut short by an upgrade
 * ({@code original_end_date} set): its service carries on in the upgrade contract, which comes due at the old end.
 * Its successor is the contract that renews it ({@code renews_contract_id}: renewal, co-term, or a recorded PO); a
 * unique index (V5_1) makes sure there is at most one, so a join never counts a contract twice.
 */
@Repository
public class RtsReports {

    /** One row per contract with its status, successor and amounts; every report selects from it ({@link #DUE}). */
    private static final String DUE_ROWS = """
            select c.id, c.contract_number, c.service, c.start_date, c.end_date, c.channel as own_channel,
                   u.id as unit_id, u.serial_number, u.family, u.model,
                   a.id as account_id, a.name as account_name, a.region,
                   s.id as successor_id, s.contract_number as successor_number, s.channel as successor_channel,
                   s.start_date as successor_start, s.end_date as successor_end, coalesce(s.points, 0) as successor_points,
                   s.order_id as successor_order_id,
                   coalesce(p.points, 0) as list12,
                   case when s.id is not null then 'RENEWED'
                        when c.end_date > :today then 'OPEN'
                        when c.end_date >= :graceFrom then 'IN_GRACE'
                        else 'EXPIRED' end as status
            from service_contracts c
            join units u on u.id = c.unit_id
            join accounts a on a.id = u.account_id
            left join service_contracts s on s.renews_contract_id = c.id
            left join price_list p on p.model = u.model and p.service = c.service and p.term_months = 12
            """;

    /** The due contracts of the period. */
    private static final String DUE = DUE_ROWS + """
            where c.end_date between :from and :to
              and c.original_end_date is null
            """;

    /** The due contracts of one drill-down page, by id ({@code rts_due_contracts} chose them). */
    private static final String DUE_BY_ID = DUE_ROWS + """
            where c.id in (:ids)
              and c.original_end_date is null
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final boolean alwaysCount;

    @Autowired
    public RtsReports(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, false);
    }

    /** {@code alwaysCount}: count the contracts even without a partner filter (the reference the tests compare to). */
    RtsReports(NamedParameterJdbcTemplate jdbc, boolean alwaysCount) {
        this.jdbc = jdbc;
        this.alwaysCount = alwaysCount;
    }

    public RtsFigures summary(Period period, RtsFilter filter, LocalDate today) {
        MapSqlParameterSource p = params(period, filter, today);
        if (scansContracts(filter)) {
            return jdbc.queryForObject("select " + FIGURES + " from (" + DUE + where(filter) + ") d", p, (rs, i) -> figures(rs));
        }
        return jdbc.queryForObject("select " + DAY_FIGURES + DAYS + dayWhere(filter), p, (rs, i) -> figures(rs));
    }

    /** Figures per calendar month of the contracts' end dates over the twelve months ending with the period. */
    public Map<YearMonth, RtsFigures> trend(Period period, RtsFilter filter, LocalDate today) {
        Period year = period.trailingYear();
        MapSqlParameterSource p = params(year, filter, today);
        Map<YearMonth, RtsFigures> byMonth = new LinkedHashMap<>();
        for (YearMonth m = YearMonth.from(year.from()); !m.isAfter(YearMonth.from(year.to())); m = m.plusMonths(1)) {
            byMonth.put(m, RtsFigures.empty());
        }
        String sql = scansContracts(filter)
                ? "select year(d.end_date) as y, month(d.end_date) as m, " + FIGURES + " from (" + DUE + where(filter)
                  + ") d group by year(d.end_date), month(d.end_date)"
                : "select year(d.end_date) as y, month(d.end_date) as m, " + DAY_FIGURES + DAYS + dayWhere(filter)
                  + " group by year(d.end_date), month(d.end_date)";
        jdbc.query(sql, p, (RowCallbackHandler) rs -> byMonth.put(YearMonth.of(rs.getInt("y"), rs.getInt("m")), figures(rs)));
        return byMonth;
    }

    /**
     * One page of the contracts behind a figure; {@code status} null means all due contracts, in the order end date,
     * serial number, service, contract id. Without a partner filter the page is found through the per-day counts of
     * {@code rts_due_days} (at most a few rows per day of the period): the days the page covers and the rows of its
     * first day before it are known before any contract is read; {@code rts_due_contracts} then names the page's
     * contracts ({@link #pageIds}), and only those are read in full, whatever the page number and the size of the
     * installed base.
     */
    public Page<DueContract> contracts(Period period, RtsFilter filter, RenewalStatus status, LocalDate today, Pageable page) {
        MapSqlParameterSource p = params(period, filter, today);
        if (scansContracts(filter)) {
            String inner = DUE + where(filter);
            String outer = statusWhere(filter, status, p);
            Long total = jdbc.queryForObject("select count(*) from (" + inner + ") d" + outer, p, Long.class);
            p.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
            List<DueContract> rows = jdbc.query(listSql(inner, outer, " limit :limit offset :offset"), p, (rs, i) -> row(rs));
            return new PageImpl<>(rows, page, total == null ? 0 : total);
        }
        String count = dayCount(filter, status);
        List<DayCount> days = jdbc.query("select d.end_date, sum(" + count + ") as n" + DAYS + dayWhere(filter)
                + " group by d.end_date having sum(" + count + ") > 0 order by d.end_date", p,
                (rs, i) -> new DayCount(rs.getDate(1).toLocalDate(), rs.getLong(2)));
        PageWindow window = PageWindow.of(days, page.getOffset(), page.getPageSize());
        if (window == null) {
            return new PageImpl<>(List.of(), page, totalOf(days));
        }
        p.addValue("first", Date.valueOf(window.firstDay())).addValue("last", Date.valueOf(window.lastDay()))
                .addValue("limit", page.getPageSize()).addValue("offset", window.skip());
        List<Long> ids = jdbc.queryForList(pageIds(filter, status), p, Long.class);
        if (ids.isEmpty()) {
            return new PageImpl<>(List.of(), page, window.total());
        }
        p.addValue("ids", ids);
        List<DueContract> rows = jdbc.query(listSql(DUE_BY_ID, "", ""), p, (rs, i) -> row(rs));
        return new PageImpl<>(rows, page, window.total());
    }

    /**
     * The ids of one page from {@code rts_due_contracts} (V9_41): the window's days in the list's order, the rows of
     * the first day before the page skipped. One index answers (no row is read, nothing sorted): with a status it
     * starts at renewed or not, so MariaDB reads the first day's entries of that status before the page, then the page,
     * and stops; region, family and channel are checked on the entries, so those filters also step over the window
     * days' entries they leave out. The statuses follow {@link #statusWhere} (and {@link #dayCount}, which chose the
     * window): a contract with no successor is expired, in grace or open by its end.
     */
    private static String pageIds(RtsFilter f, RenewalStatus status) {
        StringBuilder sql = new StringBuilder("select d.contract_id from rts_due_contracts d force index (")
                .append(status == null ? "ix_rts_due_contracts_list" : "ix_rts_due_contracts_status")
                .append(") where ");
        if (status != null) {
            sql.append(status == RenewalStatus.RENEWED ? "d.renewed = 1 and " : "d.renewed = 0 and ");
        }
        sql.append("d.end_date between :first and :last");
        if (status != null) {
            sql.append(status == RenewalStatus.RENEWED ? channel(f) : byEndDate(status));
        }
        if (f.region() != null) {
            sql.append(" and d.region = :region");
        }
        if (f.family() != null) {
            sql.append(" and d.family = :family");
        }
        return sql.append(" order by d.end_date, d.serial_number, d.service, d.contract_id limit :limit offset :offset")
                .toString();
    }

    private static long totalOf(List<DayCount> days) {
        return days.stream().mapToLong(DayCount::count).sum();
    }

    /** How many of the rows behind a figure end on one day. */
    record DayCount(LocalDate day, long count) {
    }

    /**
     * The days a page of {@code size} rows starting at row {@code offset} covers, and how many rows of the first day
     * come before it. Null when the page starts past the last row.
     */
    record PageWindow(LocalDate firstDay, LocalDate lastDay, long skip, long total) {

        static PageWindow of(List<DayCount> days, long offset, int size) {
            long total = totalOf(days);
            if (offset >= total || size < 1) {
                return null;
            }
            long before = 0;
            LocalDate first = null;
            long skip = 0;
            for (DayCount d : days) {
                if (first == null && before + d.count() > offset) {
                    first = d.day();
                    skip = offset - before;
                }
                before += d.count();
                if (first != null && before >= offset + size) {
                    return new PageWindow(first, d.day(), skip, total);
                }
            }
            return new PageWindow(first, days.get(days.size() - 1).day(), skip, total);
        }
    }

    /** A partner filter selects accounts, which the per-day table does not keep: those reports read the contracts. */
    private boolean scansContracts(RtsFilter filter) {
        return alwaysCount || filter.partnerId() != null;
    }

    /** Every contract behind a figure, streamed row by row (CSV export). */
    public void eachContract(Period period, RtsFilter filter, RenewalStatus status, LocalDate today, Consumer<DueContract> sink) {
        MapSqlParameterSource p = params(period, filter, today);
        String inner = DUE + where(filter);
        String outer = statusWhere(filter, status, p);
        jdbc.query(listSql(inner, outer, ""), p, (RowCallbackHandler) rs -> sink.accept(row(rs)));
    }

    /** Sorts and pages the due contracts first, then looks up orders and PO records for those rows only. */
    private static String listSql(String inner, String outer, String limit) {
        return "select d.*, o.transaction_number as successor_order, coalesce(ol.backdated_days, pr.backdated_days) as successor_backdated_days "
                + "from (select * from (" + inner + ") d " + outer + " order by d.end_date, d.serial_number, d.service, d.id"
                + limit + ") d "
                + "left join orders o on o.id = d.successor_order_id "
                + "left join order_lines ol on ol.contract_id = d.successor_id "
                + "left join po_renewals pr on pr.contract_id = d.successor_id "
                + "order by d.end_date, d.serial_number, d.service, d.id";
    }

    /** Families present in the installed base (loose index scan on ix_units_family). */
    public List<String> families() {
        return jdbc.getJdbcTemplate().queryForList("select distinct family from units order by family", String.class);
    }

    public List<PartnerOption> partners() {
        return jdbc.getJdbcTemplate().query("select id, name from accounts where type = 'PARTNER' order by name",
                (rs, i) -> new PartnerOption(rs.getLong(1), rs.getString(2)));
    }

    public record PartnerOption(long id, String name) {
    }

    // ---- SQL pieces ----

    /** The per-day counts (V9_40) of the period, with the 12-month list price for the expired amount. */
    private static final String DAYS = """
             from rts_due_days d
            left join price_list p on p.model = d.model and p.service = d.service and p.term_months = 12
            where d.end_date between :from and :to""";

    /** {@link #FIGURES} over {@link #DAYS}: the same definitions, each row counting {@code d.contracts} contracts. */
    private static final String DAY_FIGURES = """
            coalesce(sum(d.contracts), 0) as due,
            coalesce(sum(case when d.successor_channel <> '' and (:channel is null or d.successor_channel = :channel)
                              then d.contracts else 0 end), 0) as renewed,
            coalesce(sum(case when d.successor_channel <> '' and (:channel is null or d.successor_channel = :channel)
                              then d.successor_points else 0 end), 0) as renewed_amount,
            coalesce(sum(case when d.successor_channel <> '' then d.contracts else 0 end), 0) as renewed_any,
            coalesce(sum(case when d.successor_channel = 'POINTS' then d.contracts else 0 end), 0) as renewed_points,
            coalesce(sum(case when d.successor_channel = 'POINTS' then d.successor_points else 0 end), 0) as renewed_points_amount,
            coalesce(sum(case when d.successor_channel = 'PO' then d.contracts else 0 end), 0) as renewed_po,
            coalesce(sum(case when d.successor_channel = 'PO' then d.successor_points else 0 end), 0) as renewed_po_amount,
            coalesce(sum(case when d.successor_channel = '' and d.end_date < :graceFrom then d.contracts else 0 end), 0) as expired,
            coalesce(sum(case when d.successor_channel = '' and d.end_date < :graceFrom
                              then d.contracts * coalesce(p.points, 0) else 0 end), 0) as expired_amount,
            coalesce(sum(case when d.successor_channel = '' and d.end_date >= :graceFrom and d.end_date <= :today
                              then d.contracts else 0 end), 0) as in_grace,
            coalesce(sum(case when d.successor_channel = '' and d.end_date > :today then d.contracts else 0 end), 0) as open
            """;

    private static String dayWhere(RtsFilter f) {
        StringBuilder w = new StringBuilder();
        if (f.region() != null) {
            w.append(" and d.region = :region");
        }
        if (f.family() != null) {
            w.append(" and d.family = :family");
        }
        return w.toString();
    }

    /** Per day, the contracts behind a drill-down: the same rules as {@link #statusWhere} over {@link #DAYS}. */
    private static String dayCount(RtsFilter f, RenewalStatus status) {
        if (status == null) {
            return "d.contracts";
        }
        String when = status == RenewalStatus.RENEWED ? "d.successor_channel <> ''" + channel(f)
                : "d.successor_channel = ''" + byEndDate(status);
        return "case when " + when + " then d.contracts else 0 end";
    }

    /**
     * What a contract's end date makes of it when nothing renewed it ({@link RenewalStatus}): expired before the grace
     * period, in grace, or still open. The per-day counts and the per-contract rows both have {@code d.end_date}.
     */
    private static String byEndDate(RenewalStatus status) {
        return switch (status) {
            case RENEWED -> "";
            case EXPIRED -> " and d.end_date < :graceFrom";
            case IN_GRACE -> " and d.end_date >= :graceFrom and d.end_date <= :today";
            case OPEN -> " and d.end_date > :today";
        };
    }

    /** The renewal channel filter on {@code d.successor_channel}, if one is set. */
    private static String channel(RtsFilter f) {
        return f.channel() != null ? " and d.successor_channel = :channel" : "";
    }

    private static final String FIGURES = """
            count(*) as due,
            coalesce(sum(d.status = 'RENEWED' and (:channel is null or d.successor_channel = :channel)), 0) as renewed,
            coalesce(sum(case when d.status = 'RENEWED' and (:channel is null or d.successor_channel = :channel)
                              then d.successor_points else 0 end), 0) as renewed_amount,
            coalesce(sum(d.status = 'RENEWED'), 0) as renewed_any,
            coalesce(sum(d.status = 'RENEWED' and d.successor_channel = 'POINTS'), 0) as renewed_points,
            coalesce(sum(case when d.status = 'RENEWED' and d.successor_channel = 'POINTS' then d.successor_points else 0 end), 0) as renewed_points_amount,
            coalesce(sum(d.status = 'RENEWED' and d.successor_channel = 'PO'), 0) as renewed_po,
            coalesce(sum(case when d.status = 'RENEWED' and d.successor_channel = 'PO' then d.successor_points else 0 end), 0) as renewed_po_amount,
            coalesce(sum(d.status = 'EXPIRED'), 0) as expired,
            coalesce(sum(case when d.status = 'EXPIRED' then d.list12 else 0 end), 0) as expired_amount,
            coalesce(sum(d.status = 'IN_GRACE'), 0) as in_grace,
            coalesce(sum(d.status = 'OPEN'), 0) as open
            """;

    private static RtsFigures figures(ResultSet rs) throws SQLException {
        return new RtsFigures(rs.getLong("due"), rs.getLong("renewed"), rs.getLong("renewed_amount"),
                rs.getLong("renewed_any"), rs.getLong("renewed_points"), rs.getLong("renewed_points_amount"),
                rs.getLong("renewed_po"), rs.getLong("renewed_po_amount"), rs.getLong("expired"),
                rs.getLong("expired_amount"), rs.getLong("in_grace"), rs.getLong("open"));
    }

    private static MapSqlParameterSource params(Period period, RtsFilter filter, LocalDate today) {
        return new MapSqlParameterSource()
                .addValue("from", Date.valueOf(period.from()))
                .addValue("to", Date.valueOf(period.to()))
                .addValue("today", Date.valueOf(today))
                .addValue("graceFrom", Date.valueOf(RenewalStatus.graceFrom(today)))
                .addValue("region", filter.region() == null ? null : filter.region().name())
                .addValue("partner", filter.partnerId())
                .addValue("family", filter.family())
                .addValue("channel", filter.channel() == null ? null : filter.channel().name());
    }

    private static String where(RtsFilter f) {
        StringBuilder w = new StringBuilder();
        if (f.region() != null) {
            w.append(" and a.region = :region");
        }
        if (f.partnerId() != null) {
            // The partner's managed customers and its own account, as a small set the optimizer can start from (units by
            // account, then their contracts): an OR with an EXISTS per row made it read every contract of the period,
            // 0.9 s at 2,000,000 units.
            w.append(" and u.account_id in (select pa.id from (select pl.customer_account_id as id from partner_links pl"
                    + " where pl.partner_account_id = :partner union select :partner) pa)");
        }
        if (f.family() != null) {
            w.append(" and u.family = :family");
        }
        return w.toString();
    }

    /** The drill-down behind a figure: renewed follows the channel filter like the figure does. */
    private static String statusWhere(RtsFilter f, RenewalStatus status, MapSqlParameterSource p) {
        if (status == null) {
            return "";
        }
        p.addValue("status", status.name());
        return " where d.status = :status" + (status == RenewalStatus.RENEWED ? channel(f) : "");
    }

    private static DueContract row(ResultSet rs) throws SQLException {
        Date successorStart = rs.getDate("successor_start");
        Date successorEnd = rs.getDate("successor_end");
        long successorId = rs.getLong("successor_id");
        boolean hasSuccessor = !rs.wasNull();
        int backdated = rs.getInt("successor_backdated_days");
        boolean backdatedKnown = !rs.wasNull();
        return new DueContract(rs.getLong("id"), rs.getString("contract_number"), rs.getString("service"),
                rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(),
                rs.getLong("unit_id"), rs.getString("serial_number"), rs.getString("family"), rs.getString("model"),
                rs.getLong("account_id"), rs.getString("account_name"), rs.getString("region"),
                RenewalStatus.valueOf(rs.getString("status")),
                hasSuccessor ? successorId : null, rs.getString("successor_number"), rs.getString("successor_channel"),
                successorStart == null ? null : successorStart.toLocalDate(),
                successorEnd == null ? null : successorEnd.toLocalDate(),
                hasSuccessor ? rs.getLong("successor_points") : null,
                rs.getString("successor_order"), backdatedKnown ? backdated : null, rs.getLong("list12"));
    }

    static List<String> csvHeader() {
        return new ArrayList<>(List.of("status", "end_date", "serial_number", "family", "model", "account_id",
                "account", "region", "service", "contract_number", "start_date", "successor_contract", "channel",
                "successor_start", "successor_end", "backdated_days", "renewed_amount", "order", "expired_amount"));
    }
}
