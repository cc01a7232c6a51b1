package com.fortinet.marketplace.orders;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Statement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Orders and their lines (JDBC). Orders are written once; only the ledger entry id is filled in after the charge. */
@Repository
public class Orders {

    private static final String SELECT = """
            select o.*, a.name as account_name, p.name as paying_name from orders o
            join accounts a on a.id = o.account_id join accounts p on p.id = o.paying_account_id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public Orders(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * FMP-<year>-<000123>: the year the order is placed and a number from an AUTO_INCREMENT, which InnoDB hands out
     * without a lock held until commit, so orders of different accounts don't queue behind each other (V9_60).
     */
    public String nextTransactionNumber(int year) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.getJdbcTemplate().update(con -> con.prepareStatement("insert into order_numbers () values ()",
                Statement.RETURN_GENERATED_KEYS), key);
        return String.format("FMP-%d-%06d", year, key.getKey().longValue());
    }

    /**
     * An order to write. Start with {@link #of} (or {@link #of(String, Quote, long, String)} for a priced quote) and add
     * what applies with {@link #describedAs}, {@link #coTermedTo} and {@link #placedBy}, rather than a run of nulls.
     */
    public record NewOrder(String transactionNumber, long accountId, long payingAccountId, OrderType type, long total,
                           String description, LocalDate targetEndDate, String idempotencyKey, LocalDate businessDate,
                           Long userId, String createdBy, Long ledgerEntryId) {

        /** {@code total} points for the account's units, charged to the paying account on the business date. */
        public static NewOrder of(String transactionNumber, long accountId, long payingAccountId, OrderType type,
                                  long total, LocalDate businessDate, String idempotencyKey) {
            return new NewOrder(transactionNumber, accountId, payingAccountId, type, total, null, null, idempotencyKey,
                    businessDate, null, null, null);
        }

        /** What the quote prices, on its day; a co-term order keeps the date it co-terms to. */
        public static NewOrder of(String transactionNumber, Quote quote, long payingAccountId, String idempotencyKey) {
            NewOrder order = of(transactionNumber, quote.accountId(), payingAccountId, quote.type(), quote.total(),
                    quote.today(), idempotencyKey);
            return quote.type() == OrderType.COTERM ? order.coTermedTo(quote.targetEndDate()) : order;
        }

        /** The buyer's own words for the order (a PO reference, a site). */
        public NewOrder describedAs(String text) {
            return new NewOrder(transactionNumber, accountId, payingAccountId, type, total, text, targetEndDate,
                    idempotencyKey, businessDate, userId, createdBy, ledgerEntryId);
        }

        public NewOrder coTermedTo(LocalDate target) {
            return new NewOrder(transactionNumber, accountId, payingAccountId, type, total, description, target,
                    idempotencyKey, businessDate, userId, createdBy, ledgerEntryId);
        }

        /** Who placed it: a portal user's id and e-mail, or no id and the name of the process that did. */
        public NewOrder placedBy(Long user, String name) {
            return new NewOrder(transactionNumber, accountId, payingAccountId, type, total, description, targetEndDate,
                    idempotencyKey, businessDate, user, name, ledgerEntryId);
        }

        /** The points ledger row that charged it (none for an order paid outside the portal's points). */
        public NewOrder chargedBy(long ledgerEntry) {
            return new NewOrder(transactionNumber, accountId, payingAccountId, type, total, description, targetEndDate,
                    idempotencyKey, businessDate, userId, createdBy, ledgerEntry);
        }
    }

    public long insert(NewOrder o) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into orders (transaction_number, account_id, paying_account_id, type, status, total_points,
                    description, target_end_date, idempotency_key, business_date, created_by_user_id, created_by, ledger_entry_id)
                values (:txn, :account, :paying, :type, 'COMPLETED', :total, :description, :target, :key, :date, :user, :by,
                    :ledgerEntry)
                """, new MapSqlParameterSource().addValue("txn", o.transactionNumber()).addValue("account", o.accountId())
                .addValue("paying", o.payingAccountId()).addValue("type", o.type().name()).addValue("total", o.total())
                .addValue("description", o.description())
                .addValue("target", o.targetEndDate() == null ? null : Date.valueOf(o.targetEndDate()))
                .addValue("key", o.idempotencyKey()).addValue("date", Date.valueOf(o.businessDate()))
                .addValue("user", o.userId()).addValue("by", o.createdBy())
                .addValue("ledgerEntry", o.ledgerEntryId()), keys, new String[]{"id"});
        return keys.getKey().longValue();
    }

    public void insertLine(long orderId, Quote.Line l, long contractId) {
        jdbc.update("""
                insert into order_lines (order_id, line_no, unit_id, serial_number, model, service, new_service, term_months,
                    previous_end_date, start_date, end_date, backdated_days, forward_days, list_price_points, points,
                    explanation, contract_id, replaced_contract_id)
                values (:order, :no, :unit, :serial, :model, :service, :newService, :term, :prev, :start, :end, :backdated,
                    :forward, :list, :points, :explanation, :contract, :replaced)
                """, new MapSqlParameterSource().addValue("order", orderId).addValue("no", l.lineNo())
                .addValue("unit", l.unitId()).addValue("serial", l.serialNumber()).addValue("model", l.model())
                .addValue("service", l.service()).addValue("newService", l.newService()).addValue("term", l.termMonths())
                .addValue("prev", l.previousEnd() == null ? null : Date.valueOf(l.previousEnd()))
                .addValue("start", Date.valueOf(l.startDate())).addValue("end", Date.valueOf(l.endDate()))
                .addValue("backdated", l.backdatedDays()).addValue("forward", l.forwardDays())
                .addValue("list", l.listPrice()).addValue("points", l.points())
                .addValue("explanation", l.explanation().length() > 300 ? l.explanation().substring(0, 300) : l.explanation())
                .addValue("contract", contractId)
                .addValue("replaced", l.kind() == com.fortinet.marketplace.installedbase.InstalledBase.Kind.UPGRADE
                        ? l.previousContractId() : null));
    }

    /** The order and its lines in one statement (the answer to every order placed reads it). */
    public Optional<OrderView> find(String transactionNumber) {
        List<OrderView.LineView> lines = new ArrayList<>();
        List<OrderView> order = new ArrayList<>(1);
        jdbc.query("""
                select o.*, a.name as account_name, p.name as paying_name, l.line_no, %s
                from orders o join accounts a on a.id = o.account_id join accounts p on p.id = o.paying_account_id
                left join order_lines l on l.order_id = o.id left join service_contracts c on c.id = l.contract_id
                where o.transaction_number = :t order by l.line_no
                """.formatted(LINE_COLUMNS), Map.of("t", transactionNumber), (RowCallbackHandler) rs -> {
            if (order.isEmpty()) {
                order.add(order(rs, 0));
            }
            if (rs.getObject("line_no") != null) {
                lines.add(line(rs));
            }
        });
        return order.stream().findFirst().map(o -> o.withLines(List.copyOf(lines)));
    }

    public record HistoryFilter(LocalDate from, LocalDate to, OrderType type) {
    }

    /** These orders with their lines, in the order of {@code ids}. */
    public List<OrderView> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, OrderView> byId = new LinkedHashMap<>();
        withLines(jdbc.query(SELECT + " where o.id in (:ids)", Map.of("ids", ids), Orders::order))
                .forEach(o -> byId.put(o.id(), o));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Orders of the account's units and orders the account paid for (a partner paying for a customer). */
    public Page<OrderView> history(long accountId, HistoryFilter f, Pageable pageable) {
        MapSqlParameterSource p = new MapSqlParameterSource("a", accountId);
        String where = historyWhere(f, p);
        Long total = jdbc.queryForObject("select count(*) from orders o where " + where, p, Long.class);
        p.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<OrderView> orders = jdbc.query(SELECT + " where " + where
                + " order by o.created_at desc, o.id desc limit :limit offset :offset", p, Orders::order);
        return new PageImpl<>(withLines(orders), pageable, total == null ? 0 : total);
    }

    public List<OrderView> historyAll(long accountId, HistoryFilter f) {
        MapSqlParameterSource p = new MapSqlParameterSource("a", accountId);
        return withLines(jdbc.query(SELECT + " where " + historyWhere(f, p) + " order by o.created_at desc, o.id desc", p,
                Orders::order));
    }

    private static String historyWhere(HistoryFilter f, MapSqlParameterSource p) {
        // Two indexed branches (account, paying account) rather than an OR the optimizer can't index.
        StringBuilder w = new StringBuilder("o.id in (select id from orders where account_id = :a "
                + "union select id from orders where paying_account_id = :a)");
        if (f.from() != null) {
            w.append(" and o.business_date >= :from");
            p.addValue("from", Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            w.append(" and o.business_date <= :to");
            p.addValue("to", Date.valueOf(f.to()));
        }
        if (f.type() != null) {
            w.append(" and o.type = :type");
            p.addValue("type", f.type().name());
        }
        return w.toString();
    }

    private List<OrderView> withLines(List<OrderView> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        Map<Long, List<OrderView.LineView>> byOrder = new LinkedHashMap<>();
        for (OrderView o : orders) {
            byOrder.put(o.id(), new ArrayList<>());
        }
        jdbc.query("""
                select l.order_id, l.line_no, %s from order_lines l join service_contracts c on c.id = l.contract_id
                where l.order_id in (:ids) order by l.order_id, l.line_no
                """.formatted(LINE_COLUMNS), Map.of("ids", byOrder.keySet()),
                (RowCallbackHandler) rs -> byOrder.get(rs.getLong("order_id")).add(line(rs)));
        return orders.stream().map(o -> o.withLines(byOrder.get(o.id()))).toList();
    }

    /** What {@link #line} reads besides {@code line_no}, with {@code l} the line and {@code c} its contract. */
    private static final String LINE_COLUMNS = """
            l.serial_number, l.model, l.service, l.new_service, l.term_months, l.previous_end_date, l.start_date, l.end_date,
            l.backdated_days, l.forward_days, l.points, l.explanation, c.contract_number""";

    private static OrderView.LineView line(ResultSet rs) throws SQLException {
        return new OrderView.LineView(rs.getInt("line_no"), rs.getString("serial_number"), rs.getString("model"),
                rs.getString("service"), rs.getString("new_service"), (Integer) rs.getObject("term_months"),
                date(rs, "previous_end_date"), date(rs, "start_date"), date(rs, "end_date"), rs.getInt("backdated_days"),
                rs.getInt("forward_days"), rs.getLong("points"), rs.getString("explanation"), rs.getString("contract_number"));
    }

    private static OrderView order(ResultSet rs, int i) throws SQLException {
        return new OrderView(rs.getLong("id"), rs.getString("transaction_number"), rs.getLong("account_id"),
                rs.getString("account_name"), rs.getLong("paying_account_id"), rs.getString("paying_name"),
                OrderType.valueOf(rs.getString("type")), rs.getString("status"), rs.getLong("total_points"),
                rs.getString("description"), date(rs, "target_end_date"), date(rs, "business_date"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                (Long) rs.getObject("ledger_entry_id", Long.class), List.of());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
