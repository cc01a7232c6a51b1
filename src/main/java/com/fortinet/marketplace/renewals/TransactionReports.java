package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.orders.OrderType;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Transaction review: every marketplace order, whoever placed it, with a backdated flag. */
@Repository
public class TransactionReports {

    public record Filter(LocalDate from, LocalDate to, String q, String type, boolean backdatedOnly, Region region,
                         Long partnerId) {
        public Filter {
            q = q == null || q.isBlank() ? null : q.trim();
            type = type == null || type.isBlank() ? null : type.trim().toUpperCase(Locale.ROOT);
        }
    }

    public record Row(long id, String transactionNumber, LocalDate businessDate, long accountId, String accountName,
                      String region, long payingAccountId, String payingAccountName, String type, String status,
                      long totalPoints, int lines, int maxBackdatedDays, String createdBy, String description) {
        public boolean backdated() {
            return maxBackdatedDays > 0;
        }

        public boolean paidByPartner() {
            return payingAccountId != accountId;
        }

        /** "Renewal", "Co-term", "Upgrade" rather than the stored code. */
        public String typeLabel() {
            try {
                return OrderType.valueOf(type).label();
            } catch (IllegalArgumentException e) {
                return type;
            }
        }
    }

    public record Line(int lineNo, String serialNumber, String model, String service, String newService,
                       Integer termMonths, LocalDate previousEndDate, LocalDate startDate, LocalDate endDate,
                       int backdatedDays, int forwardDays, long listPricePoints, long points, String explanation,
                       String contractNumber) {
    }

    public record Totals(long orders, long points) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public TransactionReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT = """
            select o.id, o.transaction_number, o.business_date, o.account_id, a.name as account_name, a.region,
                   o.paying_account_id, pa.name as paying_name, o.type, o.status, o.total_points, o.created_by,
                   o.description,
                   (select count(*) from order_lines l where l.order_id = o.id) as line_count,
                   (select coalesce(max(l.backdated_days), 0) from order_lines l where l.order_id = o.id) as max_backdated
            from orders o
            join accounts a on a.id = o.account_id
            join accounts pa on pa.id = o.paying_account_id
            """;

    public Page<Row> search(Filter f, Pageable page) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(f, p);
        p.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
        List<Row> rows = jdbc.query(SELECT + where + " order by o.business_date desc, o.id desc limit :limit offset :offset",
                p, TransactionReports::row);
        return new PageImpl<>(rows, page, totals(f).orders());
    }

    public Totals totals(Filter f) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        return jdbc.queryForObject("select count(*), coalesce(sum(o.total_points), 0) from orders o "
                        + "join accounts a on a.id = o.account_id " + where(f, p), p,
                (rs, i) -> new Totals(rs.getLong(1), rs.getLong(2)));
    }

    public void each(Filter f, Consumer<Row> sink) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        jdbc.query(SELECT + where(f, p) + " order by o.business_date desc, o.id desc", p,
                (RowCallbackHandler) rs -> sink.accept(row(rs, 0)));
    }

    public Optional<Row> find(String transactionNumber) {
        List<Row> rows = jdbc.query(SELECT + " where o.transaction_number = :t",
                Map.of("t", transactionNumber.trim().toUpperCase(Locale.ROOT)), TransactionReports::row);
        return rows.stream().findFirst();
    }

    public List<Line> lines(long orderId) {
        return jdbc.query("""
                select l.*, c.contract_number from order_lines l join service_contracts c on c.id = l.contract_id
                where l.order_id = :id order by l.line_no
                """, Map.of("id", orderId), (rs, i) -> {
            Date prev = rs.getDate("previous_end_date");
            int term = rs.getInt("term_months");
            Integer termMonths = rs.wasNull() ? null : term;
            return new Line(rs.getInt("line_no"), rs.getString("serial_number"), rs.getString("model"),
                    rs.getString("service"), rs.getString("new_service"), termMonths,
                    prev == null ? null : prev.toLocalDate(), rs.getDate("start_date").toLocalDate(),
                    rs.getDate("end_date").toLocalDate(), rs.getInt("backdated_days"), rs.getInt("forward_days"),
                    rs.getLong("list_price_points"), rs.getLong("points"), rs.getString("explanation"),
                    rs.getString("contract_number"));
        });
    }

    private static String where(Filter f, MapSqlParameterSource p) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (f.from() != null) {
            w.append(" and o.business_date >= :from");
            p.addValue("from", Date.valueOf(f.from()));
        }
        if (f.to() != null) {
            w.append(" and o.business_date <= :to");
            p.addValue("to", Date.valueOf(f.to()));
        }
        if (f.q() != null) {
            w.append(" and (o.transaction_number = :qExact or a.name like :qLike or o.account_id = :qId)");
            p.addValue("qExact", f.q().toUpperCase(Locale.ROOT));
            p.addValue("qLike", "%" + f.q().replace("\\", "").replace("%", "\\%").replace("_", "\\_") + "%");
            p.addValue("qId", f.q().matches("\\d{1,18}") ? Long.parseLong(f.q()) : -1L);
        }
        if (f.type() != null) {
            w.append(" and o.type = :type");
            p.addValue("type", f.type());
        }
        if (f.backdatedOnly()) {
            w.append(" and exists (select 1 from order_lines bl where bl.order_id = o.id and bl.backdated_days > 0)");
        }
        if (f.region() != null) {
            w.append(" and a.region = :region");
            p.addValue("region", f.region().name());
        }
        if (f.partnerId() != null) {
            w.append(" and (o.account_id = :partner or o.paying_account_id = :partner or exists (select 1 from partner_links pl"
                    + " where pl.partner_account_id = :partner and pl.customer_account_id = o.account_id))");
            p.addValue("partner", f.partnerId());
        }
        return w.toString();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("transaction_number"), rs.getDate("business_date").toLocalDate(),
                rs.getLong("account_id"), rs.getString("account_name"), rs.getString("region"),
                rs.getLong("paying_account_id"), rs.getString("paying_name"), rs.getString("type"),
                rs.getString("status"), rs.getLong("total_points"), rs.getInt("line_count"),
                rs.getInt("max_backdated"), rs.getString("created_by"), rs.getString("description"));
    }
}
