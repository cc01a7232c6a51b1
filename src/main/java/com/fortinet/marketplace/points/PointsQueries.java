package com.fortinet.marketplace.points;

import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** Read side of points: dashboard figures, ledger pages, recent spendings. */
@Service
public class PointsQueries {

    private final JdbcTemplate jdbc;
    private final PointsLedger ledger;
    private final BusinessClock clock;

    PointsQueries(JdbcTemplate jdbc, PointsLedger ledger, BusinessClock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
    }

    public PointsSummary summary(long accountId) {
        LocalDate today = clock.today();
        List<PointPack> packs = ledger.packs(accountId);
        long registered = packs.stream().mapToLong(PointPack::points).sum();
        long balance = packs.stream().filter(p -> PackValidity.isSpendable(p.expiresAt(), today)).mapToLong(PointPack::remaining).sum();
        // Expired = written off by the job + still sitting in expired packs the job hasn't reached yet.
        long writtenOff = sum("""
                select coalesce(sum(a.points), 0) from points_allocations a join points_ledger l on l.id = a.ledger_entry_id
                where l.account_id = ? and l.kind = 'PACK_EXPIRED'
                """, accountId);
        long expired = writtenOff + packs.stream().filter(p -> !PackValidity.isSpendable(p.expiresAt(), today))
                .mapToLong(PointPack::remaining).sum();
        long used = registered - balance - expired;
        long expiring = packs.stream().filter(p -> PackValidity.isSpendable(p.expiresAt(), today)
                && !p.expiresAt().isAfter(today.plusDays(PackValidity.SOON_DAYS))).mapToLong(PointPack::remaining).sum();
        return new PointsSummary(accountId, today, balance, registered, used, expired, expiring, packs);
    }

    public List<PointPack> recentPacks(long accountId, int limit) {
        return ledger.recentPacks(accountId, limit);
    }

    public List<LedgerEntry> recentSpendings(long accountId, int limit) {
        return jdbc.query("""
                select * from points_ledger where account_id = ? and kind in ('ORDER_CHARGED', 'FLEX_TRANSFER')
                order by id desc limit ?
                """, PointsLedger.ENTRY, accountId, limit);
    }

    /** A page of the ledger, newest first; a page past the end shows the last page (never an empty "of N" range). */
    public Page<LedgerEntry> ledgerPage(long accountId, int requestedPage, int size) {
        long total = sum("select count(*) from points_ledger where account_id = ?", accountId);
        int page = (int) Math.min(Math.max(requestedPage, 0), Math.max(0, (total - 1) / size));
        List<LedgerEntry> rows = jdbc.query("select * from points_ledger where account_id = ? order by id desc limit ? offset ?",
                PointsLedger.ENTRY, accountId, size, (long) page * size);
        return new PageImpl<>(rows, PageRequest.of(page, size), total);
    }

    /** The page (newest first, {@code size} a page) that holds the entry, so a link to an entry opens where it is. */
    public int ledgerPageOf(long accountId, long entryId, int size) {
        return (int) (sum("select count(*) from points_ledger where account_id = ? and id > ?", accountId, entryId) / size);
    }

    /** Every row, oldest first (chart, CSV). */
    public List<LedgerEntry> ledgerSince(long accountId, LocalDate from) {
        return jdbc.query("select * from points_ledger where account_id = ? and business_date >= ? order by id",
                PointsLedger.ENTRY, accountId, Date.valueOf(from));
    }

    /** Balance after the last row before {@code date} (0 if none). */
    public long balanceBefore(long accountId, LocalDate date) {
        List<Long> b = jdbc.queryForList("""
                select balance_after from points_ledger where account_id = ? and business_date < ? order by id desc limit 1
                """, Long.class, accountId, Date.valueOf(date));
        return b.isEmpty() ? 0 : b.get(0);
    }

    public void forEachLedgerRow(long accountId, java.util.function.Consumer<LedgerEntry> row) {
        jdbc.query("select * from points_ledger where account_id = ? order by id desc", rs -> {
            row.accept(PointsLedger.ENTRY.mapRow(rs, 0));
        }, accountId);
    }

    private long sum(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
