package com.fortinet.marketplace.flex;

import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FortiFlex ledger's invariants, checked on the real database after every scenario that moves FortiFlex points:
 * <ul>
 *   <li>every row's balance_after = running Σ of the program's ledger up to it (exact hundredths); only a USAGE row
 *       takes it below zero (prepaid overage), a credit may leave it there, no other row does;</li>
 *   <li>Σ ledger = the balance the services report;</li>
 *   <li>each transfer has exactly one TRANSFER_IN row of exactly the points acquired = FortiPoints spent × rate;</li>
 *   <li>each FortiFlex points pack came from one registration code and has exactly one PACK_IN row of exactly its
 *       points;</li>
 *   <li>each roll-over: rolled over + forfeited = unused, rolled over = unused-from-day-180 + half of the rest rounded
 *       down (to the hundredth; to the point before the hundredths migration), and the FORFEIT row at that anniversary
 *       is exactly the forfeited points;</li>
 *   <li>daily usage: each day the job wrote (flex_usage_days) = Σ of that day's entitlement usage (flex_usage), and for a
 *       prepaid program the day's USAGE rows in the ledger are exactly that Σ (one row linked to the day, none on a day
 *       that cost nothing); a postpaid program has no USAGE rows.</li>
 * </ul>
 */
public final class FlexLedgerInvariants {

    private FlexLedgerInvariants() {
    }

    public static void assertHold(JdbcTemplate jdbc, long programId) {
        BigDecimal running = BigDecimal.ZERO;
        for (Map<String, Object> r : jdbc.queryForList(
                "select id, kind, points, balance_after from flex_ledger where program_id = ? order by id", programId)) {
            BigDecimal points = (BigDecimal) r.get("points");
            BigDecimal after = (BigDecimal) r.get("balance_after");
            assertThat(points.scale()).as("row %s points in hundredths", r.get("id")).isEqualTo(2);
            running = running.add(points);
            assertThat(after).as("balance_after of FortiFlex ledger row %s (%s)", r.get("id"), r.get("kind"))
                    .isEqualByComparingTo(running);
            if (after.signum() < 0 && points.signum() < 0) {
                assertThat(r.get("kind")).as("only usage takes the balance below zero (row %s)", r.get("id")).isEqualTo("USAGE");
            }
        }
        BigDecimal sum = jdbc.queryForObject("select coalesce(sum(points), 0) from flex_ledger where program_id = ?",
                BigDecimal.class, programId);
        assertThat(sum).as("Σ ledger of program %s", programId).isEqualByComparingTo(running);

        List<Map<String, Object>> transfers = jdbc.queryForList("""
                select t.id, t.forti_points_spent, t.rate, t.flex_points_acquired,
                       (select count(*) from flex_ledger l where l.transfer_id = t.id) as rows_in,
                       (select sum(l.points) from flex_ledger l where l.transfer_id = t.id and l.kind = 'TRANSFER_IN') as credited
                from flex_transfers t where t.program_id = ?""", programId);
        for (Map<String, Object> t : transfers) {
            BigDecimal acquired = (BigDecimal) t.get("flex_points_acquired");
            assertThat(((Number) t.get("rows_in")).longValue()).as("transfer %s has one ledger row", t.get("id")).isEqualTo(1);
            assertThat((BigDecimal) t.get("credited")).as("transfer %s credited its points", t.get("id"))
                    .isEqualByComparingTo(acquired);
            assertThat(acquired).as("transfer %s: points acquired = FortiPoints × rate", t.get("id"))
                    .isEqualByComparingTo(((BigDecimal) t.get("rate")).multiply(BigDecimal.valueOf(((Number) t.get("forti_points_spent")).longValue())));
        }

        for (Map<String, Object> p : jdbc.queryForList("""
                select p.id, p.points,
                       (select count(*) from flex_ledger l where l.flex_pack_id = p.id) as rows_in,
                       (select sum(l.points) from flex_ledger l where l.flex_pack_id = p.id and l.kind = 'PACK_IN') as credited,
                       (select count(*) from registration_codes c where c.flex_pack_id = p.id) as codes
                from flex_packs p where p.program_id = ?""", programId)) {
            assertThat(((Number) p.get("rows_in")).longValue()).as("pack %s has one ledger row", p.get("id")).isEqualTo(1);
            assertThat(((Number) p.get("codes")).longValue()).as("pack %s came from one code", p.get("id")).isEqualTo(1);
            assertThat((BigDecimal) p.get("credited")).as("pack %s credited its points", p.get("id"))
                    .isEqualByComparingTo((BigDecimal) p.get("points"));
        }

        for (Map<String, Object> r : jdbc.queryForList("""
                select r.anniversary, r.unused_added_before_day_180 as before180, r.unused_added_from_day_180 as from180,
                       r.rolled_over, r.forfeited,
                       (select coalesce(-sum(l.points), 0) from flex_ledger l
                        where l.program_id = r.program_id and l.kind = 'FORFEIT' and l.effective_date = r.anniversary) as forfeit_rows
                from flex_rollovers r where r.program_id = ?""", programId)) {
            BigDecimal before = (BigDecimal) r.get("before180");
            BigDecimal from = (BigDecimal) r.get("from180");
            BigDecimal rolled = (BigDecimal) r.get("rolled_over");
            BigDecimal forfeited = (BigDecimal) r.get("forfeited");
            assertThat(rolled.add(forfeited)).as("roll-over %s: rolled + forfeited = unused", r.get("anniversary"))
                    .isEqualByComparingTo(before.add(from));
            // Half rounded down to the hundredth; roll-overs written before points had hundredths were rounded down to
            // a whole point, so the carried half lies between the two.
            BigDecimal half = FlexPoints.of(before).halfRoundedDown().toBigDecimal();
            BigDecimal wholeHalf = half.setScale(0, java.math.RoundingMode.FLOOR);
            assertThat(rolled.subtract(from)).as("roll-over %s: half of the points added before day 180 (rounded down)",
                    r.get("anniversary")).isBetween(wholeHalf, half);
            assertThat((BigDecimal) r.get("forfeit_rows")).as("FORFEIT row at %s", r.get("anniversary"))
                    .isEqualByComparingTo(forfeited);
        }

        boolean prepaid = "PREPAID".equals(jdbc.queryForObject("select type from flex_programs where id = ?", String.class,
                programId));
        for (Map<String, Object> d : jdbc.queryForList("""
                select d.day, d.points, d.entitlements, d.ledger_entry_id,
                       (select coalesce(sum(u.points), 0) from flex_usage u where u.program_id = d.program_id and u.day = d.day) as used,
                       (select count(*) from flex_usage u where u.program_id = d.program_id and u.day = d.day) as rows_used,
                       (select coalesce(-sum(l.points), 0) from flex_ledger l
                        where l.program_id = d.program_id and l.kind = 'USAGE' and l.effective_date = d.day) as usage_rows,
                       (select count(*) from flex_ledger l where l.id = d.ledger_entry_id and l.program_id = d.program_id
                        and l.kind = 'USAGE' and l.effective_date = d.day and l.points = -d.points) as linked
                from flex_usage_days d where d.program_id = ?""", programId)) {
            Object day = d.get("day");
            BigDecimal points = (BigDecimal) d.get("points");
            assertThat(points).as("usage day %s = Σ entitlement usage", day).isEqualByComparingTo((BigDecimal) d.get("used"));
            assertThat(((Number) d.get("entitlements")).longValue()).as("usage day %s entitlements", day)
                    .isEqualTo(((Number) d.get("rows_used")).longValue());
            if (prepaid) {
                assertThat((BigDecimal) d.get("usage_rows")).as("USAGE rows of %s = Σ entitlement usage", day)
                        .isEqualByComparingTo(points);
                assertThat(((Number) d.get("linked")).longValue()).as("usage day %s linked to its USAGE row", day)
                        .isEqualTo(points.signum() > 0 ? 1 : 0);
            }
            if (points.signum() == 0 || !prepaid) {
                assertThat(d.get("ledger_entry_id")).as("no ledger row for usage day %s", day).isNull();
            }
        }
        if (!prepaid) {
            assertThat(jdbc.queryForObject("select count(*) from flex_ledger where program_id = ? and kind = 'USAGE'",
                    Integer.class, programId)).as("postpaid usage is billed, never in a ledger").isZero();
        }
    }
}
