package com.fortinet.marketplace.accounts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/** Which end-customer accounts a partner manages. */
@Repository
public class PartnerLinks {

    private final JdbcTemplate jdbc;

    public PartnerLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Long> customersOf(long partnerAccountId) {
        return jdbc.queryForList("select customer_account_id from partner_links where partner_account_id = ?",
                Long.class, partnerAccountId);
    }

    public List<Long> partnersOf(long customerAccountId) {
        return jdbc.queryForList("select partner_account_id from partner_links where customer_account_id = ?",
                Long.class, customerAccountId);
    }

    public boolean manages(long partnerAccountId, long customerAccountId) {
        Integer n = jdbc.queryForObject(
                "select count(*) from partner_links where partner_account_id = ? and customer_account_id = ?",
                Integer.class, partnerAccountId, customerAccountId);
        return n != null && n > 0;
    }

    /** Idempotent: linking twice leaves one link. True when the link is new. */
    public boolean link(long partnerAccountId, long customerAccountId) {
        return 1 == jdbc.update("insert ignore into partner_links (partner_account_id, customer_account_id) values (?, ?)",
                partnerAccountId, customerAccountId);
    }

    public void unlink(long partnerAccountId, long customerAccountId) {
        jdbc.update("delete from partner_links where partner_account_id = ? and customer_account_id = ?",
                partnerAccountId, customerAccountId);
    }

    public List<PartnerLinkView> all() {
        return jdbc.query("""
                select l.partner_account_id, p.name as partner_name, l.customer_account_id, c.name as customer_name, l.created_at
                from partner_links l
                join accounts p on p.id = l.partner_account_id
                join accounts c on c.id = l.customer_account_id
                order by p.name, c.name
                """, (rs, i) -> new PartnerLinkView(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getTimestamp(5).toInstant()));
    }

    public record PartnerLinkView(long partnerId, String partnerName, long customerId, String customerName,
                                  java.time.Instant createdAt) {
    }
}
