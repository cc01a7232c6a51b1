package com.fortinet.marketplace.points;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger invariants of DESIGN §2, checked on the real database. Other features' integration tests call
 * {@code LedgerInvariants.assertHold(jdbc, accountId)} after spending.
 * <ul>
 *   <li>every row's balanceAfter = running Σ of the account's ledger up to it, and never below zero;</li>
 *   <li>Σ ledger = Σ remaining of the account's packs (= the spendable balance once expiries are written off);</li>
 *   <li>per pack: points − Σ spend allocations − expired = remaining, remaining ≥ 0;</li>
 *   <li>each debit row is fully paid by its allocations; credits have none.</li>
 * </ul>
 */
public final class LedgerInvariants {

    private LedgerInvariants() {
    }

    public static void assertHold(JdbcTemplate jdbc, long accountId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, kind, points, balance_after from points_ledger where account_id = ? order by id", accountId);
        long running = 0;
        for (Map<String, Object> r : rows) {
            running += ((Number) r.get("points")).longValue();
            long after = ((Number) r.get("balance_after")).longValue();
            assertThat(after).as("balanceAfter of ledger row %s (%s)", r.get("id"), r.get("kind")).isEqualTo(running);
            assertThat(after).as("balance never below zero (row %s)", r.get("id")).isGreaterThanOrEqualTo(0);
        }
        long remaining = jdbc.queryForObject("select coalesce(sum(remaining), 0) from point_packs where account_id = ?",
                Long.class, accountId);
        assertThat(running).as("Σ ledger = Σ remaining of packs, account %s", accountId).isEqualTo(remaining);

        List<Map<String, Object>> packs = jdbc.queryForList("""
                select p.id, p.points, p.remaining,
                       coalesce((select sum(a.points) from points_allocations a join points_ledger l on l.id = a.ledger_entry_id
                                 where a.pack_id = p.id and l.kind <> 'PACK_EXPIRED'), 0) as spent,
                       coalesce((select sum(a.points) from points_allocations a join points_ledger l on l.id = a.ledger_entry_id
                                 where a.pack_id = p.id and l.kind = 'PACK_EXPIRED'), 0) as expired
                from point_packs p where p.account_id = ?
                """, accountId);
        for (Map<String, Object> p : packs) {
            long points = ((Number) p.get("points")).longValue();
            long spent = ((Number) p.get("spent")).longValue();
            long expired = ((Number) p.get("expired")).longValue();
            long rem = ((Number) p.get("remaining")).longValue();
            assertThat(points - spent - expired).as("pack %s: points − allocations − expired = remaining", p.get("id"))
                    .isEqualTo(rem);
            assertThat(rem).as("pack %s remaining ≥ 0", p.get("id")).isGreaterThanOrEqualTo(0);
        }

        List<Map<String, Object>> unpaid = jdbc.queryForList("""
                select l.id, l.kind, l.points, coalesce(sum(a.points), 0) as allocated
                from points_ledger l left join points_allocations a on a.ledger_entry_id = l.id
                where l.account_id = ? group by l.id, l.kind, l.points
                having (l.points < 0 and -l.points <> allocated) or (l.points > 0 and allocated <> 0)
                """, accountId);
        assertThat(unpaid).as("debits fully allocated, credits without allocations").isEmpty();
    }

    /** The spendable balance as DESIGN §2 defines it, computed independently of the services. */
    public static long spendableBalance(JdbcTemplate jdbc, long accountId, LocalDate today) {
        return jdbc.queryForObject("select coalesce(sum(remaining), 0) from point_packs where account_id = ? and expires_at > ?",
                Long.class, accountId, Date.valueOf(today));
    }

    public static void assertHoldForAll(JdbcTemplate jdbc) {
        jdbc.queryForList("select distinct account_id from point_packs", Long.class).forEach(id -> assertHold(jdbc, id));
    }
}
