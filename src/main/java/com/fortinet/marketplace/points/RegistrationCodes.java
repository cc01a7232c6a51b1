package com.fortinet.marketplace.points;

import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Admins issue single-use registration codes for a SKU, in batches printed on Service Registration Documents. */
@Service
public class RegistrationCodes {

    public static final int MAX_BATCH = 1000;

    public record Batch(long id, String sku, long pointsPerCode, int count, int registered, String note, String createdBy,
                        Instant createdAt) {
    }

    public record Code(long id, String code, String sku, Long packId, Long accountId, String accountName, Instant registeredAt) {
        public String display() {
            return CodeFormat.display(code);
        }
    }

    private final JdbcTemplate jdbc;
    private final PointsSkus skus;
    private final BusinessClock clock;
    private final SecureRandom random = new SecureRandom();

    RegistrationCodes(JdbcTemplate jdbc, PointsSkus skus, BusinessClock clock) {
        this.jdbc = jdbc;
        this.skus = skus;
        this.clock = clock;
    }

    @Transactional
    public Batch issue(String sku, Integer count, String note, Long userId) {
        if (sku == null || sku.isBlank()) {
            throw new InvalidInputException("sku", "Choose the SKU the codes are for.");
        }
        PointsSku s = skus.require(sku);
        if (!s.active()) {
            throw new InvalidInputException("sku", "SKU " + s.sku() + " is inactive; activate it in the SKU catalogue first.");
        }
        if (count == null || count < 1 || count > MAX_BATCH) {
            throw new InvalidInputException("count", "Issue between 1 and " + MAX_BATCH + " codes at a time.");
        }
        String n = note == null || note.isBlank() ? null : note.trim();
        if (n != null && n.length() > 200) {
            throw new InvalidInputException("note", "The note is at most 200 characters.");
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "insert into registration_code_batches (sku, code_count, note, created_by, created_at) values (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, s.sku());
            ps.setInt(2, count);
            ps.setString(3, n);
            ps.setObject(4, userId);
            ps.setTimestamp(5, Timestamp.from(clock.now()));
            return ps;
        }, keys);
        long batchId = Objects.requireNonNull(keys.getKey()).longValue();
        int issued = 0;
        while (issued < count) {
            try {
                jdbc.update("insert into registration_codes (code, batch_id, sku) values (?, ?, ?)",
                        CodeFormat.generate(random), batchId, s.sku());
                issued++;
            } catch (DuplicateKeyException collision) {
                // 100 random bits: practically never; draw again.
            }
        }
        return batch(batchId);
    }

    public Batch batch(long batchId) {
        return jdbc.query(BATCHES + " where b.id = ? group by b.id", (rs, i) -> batchRow(rs), batchId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Batch " + batchId + " was not found."));
    }

    public List<Batch> recentBatches(int limit) {
        return jdbc.query(BATCHES + " group by b.id order by b.id desc limit ?", (rs, i) -> batchRow(rs), limit);
    }

    public List<Code> codesOf(long batchId) {
        return jdbc.query("""
                select c.id, c.code, c.sku, c.pack_id, p.account_id, a.name, c.registered_at
                from registration_codes c left join point_packs p on p.id = c.pack_id left join accounts a on a.id = p.account_id
                where c.batch_id = ? order by c.id
                """, (rs, i) -> new Code(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
                (Long) rs.getObject(5, Long.class), rs.getString(6),
                rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()), batchId);
    }

    /** Locking read: two people registering the same code queue here and the second sees it taken. */
    Optional<Code> findForUpdate(String normalized) {
        return jdbc.query("""
                select c.id, c.code, c.sku, c.pack_id, p.account_id, null, c.registered_at
                from registration_codes c left join point_packs p on p.id = c.pack_id
                where c.code = ? for update
                """, (rs, i) -> new Code(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
                (Long) rs.getObject(5, Long.class), null,
                rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()), normalized).stream().findFirst();
    }

    void markRegistered(long codeId, long packId) {
        jdbc.update("update registration_codes set pack_id = ?, registered_at = ? where id = ? and pack_id is null",
                packId, Timestamp.from(clock.now()), codeId);
    }

    private static final String BATCHES = """
            select b.id, b.sku, s.points, b.code_count, count(c.pack_id) as registered, b.note, u.email, b.created_at
            from registration_code_batches b join points_skus s on s.sku = b.sku
            left join registration_codes c on c.batch_id = b.id left join users u on u.id = b.created_by
            """;

    private static Batch batchRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Batch(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5), rs.getString(6),
                rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
