package com.fortinet.marketplace.history;

import com.fortinet.marketplace.flex.FlexTransfer;
import com.fortinet.marketplace.flex.FlexTransfers;
import com.fortinet.marketplace.orders.OrderView;
import com.fortinet.marketplace.orders.Orders;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An account's History (DESIGN §3.4, §4): marketplace orders of its units or paid by it, and its FortiPoints →
 * FortiFlex transfers, newest first, in one list. One query pages over both (ids and dates only); the rows of the page
 * are then read through {@link Orders} and {@link FlexTransfers}.
 */
@Repository
public class History {

    private final NamedParameterJdbcTemplate jdbc;
    private final Orders orders;
    private final FlexTransfers transfers;

    public History(NamedParameterJdbcTemplate jdbc, Orders orders, FlexTransfers transfers) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.transfers = transfers;
    }

    private record Ref(String kind, long id, LocalDate businessDate, java.time.Instant createdAt) {
    }

    /** A page of History; a page past the end shows the last page. */
    public Page<HistoryItem> page(long accountId, HistoryFilter f, int requestedPage, int size) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String union = union(accountId, f, p);
        Long total = jdbc.queryForObject("select count(*) from (" + union + ") h", p, Long.class);
        long count = total == null ? 0 : total;
        int page = (int) Math.min(Math.max(requestedPage, 0), Math.max(0, (count - 1) / size));
        Pageable pageable = PageRequest.of(page, size);
        p.addValue("limit", size).addValue("offset", pageable.getOffset());
        List<Ref> refs = jdbc.query("select * from (" + union + ") h order by created_at desc, kind, id desc limit :limit offset :offset",
                p, (rs, i) -> new Ref(rs.getString("kind"), rs.getLong("id"), rs.getDate("business_date").toLocalDate(),
                        rs.getTimestamp("created_at").toInstant()));
        return new PageImpl<>(items(accountId, refs), pageable, count);
    }

    /** Every row (CSV). */
    public List<HistoryItem> all(long accountId, HistoryFilter f) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        List<Ref> refs = jdbc.query("select * from (" + union(accountId, f, p) + ") h order by created_at desc, kind, id desc",
                p, (rs, i) -> new Ref(rs.getString("kind"), rs.getLong("id"), rs.getDate("business_date").toLocalDate(),
                        rs.getTimestamp("created_at").toInstant()));
        return items(accountId, refs);
    }

    private List<HistoryItem> items(long accountId, List<Ref> refs) {
        Map<Long, OrderView> byId = new HashMap<>();
        orders.byIds(refs.stream().filter(r -> r.kind().equals("ORDER")).map(Ref::id).toList())
                .forEach(o -> byId.put(o.id(), o));
        Map<Long, FlexTransfer> transfersById = new HashMap<>();
        transfers.find(accountId, refs.stream().filter(r -> !r.kind().equals("ORDER")).map(Ref::id).toList())
                .forEach(t -> transfersById.put(t.id(), t));
        List<HistoryItem> items = new ArrayList<>();
        for (Ref r : refs) {
            if (r.kind().equals("ORDER")) {
                OrderView o = byId.get(r.id());
                if (o != null) {
                    items.add(new HistoryItem(r.businessDate(), r.createdAt(), o, null));
                }
            } else {
                FlexTransfer t = transfersById.get(r.id());
                if (t != null) {
                    items.add(new HistoryItem(r.businessDate(), r.createdAt(), null, t));
                }
            }
        }
        return items;
    }

    private static String union(long accountId, HistoryFilter f, MapSqlParameterSource p) {
        p.addValue("a", accountId);
        List<String> parts = new ArrayList<>();
        if (f.orders()) {
            // Two indexed branches (account, paying account) rather than an OR the optimizer can't index.
            StringBuilder o = new StringBuilder("select 'ORDER' as kind, o.id, o.business_date, o.created_at from orders o "
                    + "where o.id in (select id from orders where account_id = :a union select id from orders where paying_account_id = :a)");
            if (f.type() != null) {
                o.append(" and o.type = :type");
                p.addValue("type", f.type().orderType().name());
            }
            dates(o, "o.business_date", f, p);
            parts.add(o.toString());
        }
        if (f.transfers()) {
            // A transfer's business date is its FortiPoints debit's.
            StringBuilder t = new StringBuilder("select 'TRANSFER' as kind, t.id, l.business_date, t.created_at "
                    + "from flex_transfers t join points_ledger l on l.id = t.points_ledger_entry_id where t.account_id = :a");
            dates(t, "l.business_date", f, p);
            parts.add(t.toString());
        }
        return String.join(" union all ", parts);
    }

    private static void dates(StringBuilder sql, String column, HistoryFilter f, MapSqlParameterSource p) {
        if (f.from() != null) {
            sql.append(" and ").append(column).append(" >= :from");
            p.addValue("from", Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and ").append(column).append(" <= :to");
            p.addValue("to", Date.valueOf(f.to()));
        }
    }
}
