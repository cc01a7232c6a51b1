package com.fortinet.marketplace.partners;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The partner console's customer table: two queries per page (count, then one page of rows whose figures come from
 * grouped sub-queries over the partner's customers only), whatever the number of customers. No N+1.
 */
@Repository
public class PartnerConsole {

    private final NamedParameterJdbcTemplate jdbc;

    public PartnerConsole(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String PAGE = """
            select a.id, a.name, a.region,
                   coalesce(pk.balance, 0) as balance, coalesce(pk.expiring90, 0) as expiring90,
                   coalesce(un.units, 0) as units, coalesce(un.lapsed, 0) as lapsed,
                   coalesce(un.e30, 0) as e30, coalesce(un.e60, 0) as e60, coalesce(un.e90, 0) as e90,
                   lo.last_order
            from partner_links l
            join accounts a on a.id = l.customer_account_id
            left join (
                select p.account_id, sum(p.remaining) as balance,
                       sum(case when p.expires_at <= :in90 then p.remaining else 0 end) as expiring90
                from partner_links l2 join point_packs p on p.account_id = l2.customer_account_id
                where l2.partner_account_id = :partner and p.expires_at > :today and p.remaining > 0
                group by p.account_id
            ) pk on pk.account_id = a.id
            left join (
                select us.account_id, count(*) as units,
                       sum(us.soonest <= :today) as lapsed,
                       sum(us.soonest > :today and us.soonest <= :in30) as e30,
                       sum(us.soonest > :today and us.soonest <= :in60) as e60,
                       sum(us.soonest > :today and us.soonest <= :in90) as e90
                from (
                    select u.account_id, u.id, min(sv.latest_end) as soonest
                    from partner_links l3
                    join units u on u.account_id = l3.customer_account_id
                    left join (
                        select c.unit_id, c.service, max(c.end_date) as latest_end
                        from partner_links l4
                        join units u4 on u4.account_id = l4.customer_account_id
                        join service_contracts c on c.unit_id = u4.id
                        where l4.partner_account_id = :partner
                        group by c.unit_id, c.service
                        having sum(c.original_end_date is not null) = 0
                    ) sv on sv.unit_id = u.id
                    where l3.partner_account_id = :partner
                    group by u.account_id, u.id
                ) us
                group by us.account_id
            ) un on un.account_id = a.id
            left join (
                select o.account_id, max(o.business_date) as last_order
                from partner_links l5 join orders o on o.account_id = l5.customer_account_id
                where l5.partner_account_id = :partner
                group by o.account_id
            ) lo on lo.account_id = a.id
            where l.partner_account_id = :partner
            """;

    public Page<CustomerOverview> customers(long partnerAccountId, String search, ConsoleSort sort, boolean descending,
                                            LocalDate today, Pageable page) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("partner", partnerAccountId)
                .addValue("today", Date.valueOf(today))
                .addValue("in30", Date.valueOf(today.plusDays(30)))
                .addValue("in60", Date.valueOf(today.plusDays(60)))
                .addValue("in90", Date.valueOf(today.plusDays(90)));
        String where = search(search, p);
        Long total = jdbc.queryForObject("select count(*) from partner_links l join accounts a on a.id = l.customer_account_id"
                + " where l.partner_account_id = :partner" + where, p, Long.class);
        String dir = descending ? " desc" : " asc";
        // Nulls (never ordered) last either way; ties by name then id so pages are stable.
        String order = sort == ConsoleSort.LAST_ORDER
                ? " order by lo.last_order is null, lo.last_order" + dir + ", a.name, a.id"
                : " order by " + sort.column() + dir + (sort == ConsoleSort.NAME ? ", a.id" : ", a.name, a.id");
        p.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
        List<CustomerOverview> rows = jdbc.query(PAGE + where + order + " limit :limit offset :offset", p, (rs, i) -> {
            Date last = rs.getDate("last_order");
            return new CustomerOverview(rs.getLong("id"), rs.getString("name"), rs.getString("region"),
                    rs.getLong("balance"), rs.getLong("expiring90"), rs.getLong("units"), rs.getLong("lapsed"),
                    rs.getLong("e30"), rs.getLong("e60"), rs.getLong("e90"), last == null ? null : last.toLocalDate());
        });
        return new PageImpl<>(rows, page, total == null ? 0 : total);
    }

    /** The partner's own spendable balance, shown apart: balances are never pooled. */
    public long ownBalance(long accountId, LocalDate today) {
        Long b = jdbc.queryForObject("select coalesce(sum(remaining), 0) from point_packs where account_id = :a and expires_at > :t",
                Map.of("a", accountId, "t", Date.valueOf(today)), Long.class);
        return b == null ? 0 : b;
    }

    private static String search(String q, MapSqlParameterSource p) {
        if (q == null || q.isBlank()) {
            return "";
        }
        String s = q.trim();
        p.addValue("qLike", "%" + s.replace("\\", "").replace("%", "\\%").replace("_", "\\_") + "%");
        p.addValue("qId", s.matches("\\d{1,18}") ? Long.parseLong(s) : -1L);
        return " and (a.name like :qLike or a.id = :qId)";
    }
}
