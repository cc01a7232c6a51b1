package com.fortinet.marketplace.points;

import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SQL of packs and the ledger. The ledger is append-only: this class has inserts for it and no update or delete.
 * Writers call it with the account row locked (see {@link com.fortinet.marketplace.accounts.AccountLock}).
 * <p>
 * Locking reads of packs go through the account's index ({@value #BY_ACCOUNT}): read through the expiry index, a
 * write-off's {@code expires_at <= ?} range locked other accounts' packs, and transfers on different accounts
 * deadlocked.
 */
@Repository
public class PointsLedger {

    static final RowMapper<PointPack> PACK = (rs, i) -> new PointPack(rs.getLong("id"), rs.getLong("account_id"),
            rs.getString("sku"), rs.getLong("points"), rs.getLong("remaining"),
            rs.getDate("registered_at").toLocalDate(), rs.getDate("expires_at").toLocalDate(), rs.getString("source"),
            rs.getTimestamp("created_at").toInstant());

    static final RowMapper<LedgerEntry> ENTRY = (rs, i) -> new LedgerEntry(rs.getLong("id"), rs.getLong("account_id"),
            LedgerKind.valueOf(rs.getString("kind")), rs.getLong("points"), rs.getLong("balance_after"),
            rs.getString("reference"), rs.getString("idempotency_key"), (Long) rs.getObject("pack_id", Long.class),
            rs.getDate("business_date").toLocalDate(), rs.getTimestamp("created_at").toInstant());

    static final String BY_ACCOUNT = "point_packs force index (ix_point_packs_account_fifo)";

    private final JdbcTemplate jdbc;
    private final BusinessClock clock;

    public PointsLedger(JdbcTemplate jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- packs

    public Optional<PointPack> pack(long packId) {
        return jdbc.query("select * from point_packs where id = ?", PACK, packId).stream().findFirst();
    }

    public List<PointPack> packs(long accountId) {
        return jdbc.query("select * from point_packs where account_id = ? order by expires_at, registered_at, id",
                PACK, accountId);
    }

    public List<PointPack> recentPacks(long accountId, int limit) {
        return jdbc.query("select * from point_packs where account_id = ? order by created_at desc, id desc limit ?",
                PACK, accountId, limit);
    }

    /**
     * Every pack of the account with points left, in FIFO order, read with a lock so concurrent writers see committed
     * remaining: expired ones (to write off) and spendable ones in one round trip.
     */
    List<PointPack> packsWithPointsForUpdate(long accountId) {
        return jdbc.query("""
                select * from %s where account_id = ? and remaining > 0
                order by expires_at, registered_at, id for update
                """.formatted(BY_ACCOUNT), PACK, accountId);
    }

    List<PackBalance> spendablePacks(long accountId, LocalDate today) {
        return jdbc.query("""
                select * from point_packs where account_id = ? and expires_at > ? and remaining > 0
                order by expires_at, registered_at, id
                """, PACK, accountId, Date.valueOf(today)).stream().map(PointPack::balance).toList();
    }

    /** Spendable balance: expired packs are filtered here, whether or not the expiry job has written them off. */
    public long balance(long accountId, LocalDate today) {
        Long b = jdbc.queryForObject("select coalesce(sum(remaining), 0) from point_packs where account_id = ? and expires_at > ?",
                Long.class, accountId, Date.valueOf(today));
        return b == null ? 0 : b;
    }

    /** Σ remaining over all packs under a lock; equals the ledger's running balance once expiries are written off. */
    long ledgerBalanceForUpdate(long accountId) {
        Long b = jdbc.queryForObject("select coalesce(sum(remaining), 0) from (select remaining from " + BY_ACCOUNT
                + " where account_id = ? for update) p", Long.class, accountId);
        return b == null ? 0 : b;
    }

    long insertPack(long accountId, String sku, long points, LocalDate registeredAt, LocalDate expiresAt, String source,
                    Long userId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into point_packs (account_id, sku, points, remaining, registered_at, expires_at, source, registered_by, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, accountId);
            ps.setString(2, sku);
            ps.setLong(3, points);
            ps.setLong(4, points);
            ps.setDate(5, Date.valueOf(registeredAt));
            ps.setDate(6, Date.valueOf(expiresAt));
            ps.setString(7, source);
            ps.setObject(8, userId);
            ps.setTimestamp(9, Timestamp.from(clock.now()));
            return ps;
        }, keys);
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    /** Takes points from a pack; the guard makes a lost race fail loudly instead of going negative. */
    void take(long packId, long points) {
        int n = jdbc.update("update point_packs set remaining = remaining - ? where id = ? and remaining >= ?",
                points, packId, points);
        if (n != 1) {
            throw new IllegalStateException("Pack " + packId + " no longer holds " + points + " points");
        }
    }

    // ---- ledger (insert only)

    long append(long accountId, LedgerKind kind, long signedPoints, long balanceAfter, String reference,
                String idempotencyKey, Long packId) {
        return append(accountId, kind, signedPoints, balanceAfter, reference, idempotencyKey, packId, clock.today());
    }

    /** {@code businessDate} other than today only for demo history, written in date order. */
    long append(long accountId, LedgerKind kind, long signedPoints, long balanceAfter, String reference,
                String idempotencyKey, Long packId, LocalDate businessDate) {
        java.time.Instant at = businessDate.equals(clock.today()) ? clock.now()
                : businessDate.atTime(12, 0).atZone(BusinessClock.ZONE).toInstant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into points_ledger (account_id, kind, points, balance_after, reference, idempotency_key, pack_id, business_date, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, accountId);
            ps.setString(2, kind.name());
            ps.setLong(3, signedPoints);
            ps.setLong(4, balanceAfter);
            ps.setString(5, reference);
            ps.setString(6, idempotencyKey);
            ps.setObject(7, packId);
            ps.setDate(8, Date.valueOf(businessDate));
            ps.setTimestamp(9, Timestamp.from(at));
            return ps;
        }, keys);
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    void allocate(long entryId, List<Allocation> allocations) {
        jdbc.batchUpdate("insert into points_allocations (ledger_entry_id, pack_id, points) values (?, ?, ?)",
                allocations, allocations.size(), (ps, a) -> {
                    ps.setLong(1, entryId);
                    ps.setLong(2, a.packId());
                    ps.setLong(3, a.points());
                });
    }

    public Optional<LedgerEntry> entry(long entryId) {
        return jdbc.query("select * from points_ledger where id = ?", ENTRY, entryId).stream().findFirst();
    }

    public List<Allocation> allocationsOf(long entryId) {
        return jdbc.query("""
                select a.pack_id, p.sku, a.points, p.expires_at from points_allocations a join point_packs p on p.id = a.pack_id
                where a.ledger_entry_id = ? order by p.expires_at, p.registered_at, p.id
                """, (rs, i) -> new Allocation(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getDate(4).toLocalDate()), entryId);
    }

    /**
     * Writes off the remaining points of every expired pack of the account as PACK_EXPIRED rows, so the ledger's
     * running balance equals the spendable balance again. Caller holds the account lock.
     */
    int writeOffExpired(long accountId, LocalDate today) {
        return writeOffExpired(accountId, today, packsWithPointsForUpdate(accountId)).size();
    }

    /**
     * Writes off the expired packs among {@code locked} (the account's packs with points left, locked by
     * {@link #packsWithPointsForUpdate}) and returns the ones that can still pay, in FIFO order. Each write-off row's
     * balance after is Σ remaining of the packs still holding points: computed here, since every such pack is locked.
     */
    List<PackBalance> writeOffExpired(long accountId, LocalDate today, List<PointPack> locked) {
        long balance = locked.stream().mapToLong(PointPack::remaining).sum();
        List<PackBalance> spendable = new java.util.ArrayList<>(locked.size());
        for (PointPack p : locked) {
            if (p.expiresAt().isAfter(today)) {
                spendable.add(p.balance());
                continue;
            }
            take(p.id(), p.remaining());
            balance -= p.remaining();
            long entry = append(accountId, LedgerKind.PACK_EXPIRED, -p.remaining(), balance,
                    p.sku() + " expired " + p.expiresAt(), null, p.id(), today);
            allocate(entry, List.of(new Allocation(p.id(), p.sku(), p.remaining(), p.expiresAt())));
        }
        return spendable;
    }

    /** Accounts holding expired packs with points left: the expiry job's work list. */
    List<Long> accountsWithExpiredPoints(LocalDate today) {
        return jdbc.queryForList("select distinct account_id from point_packs where expires_at <= ? and remaining > 0",
                Long.class, Date.valueOf(today));
    }
}
