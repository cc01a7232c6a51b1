package com.fortinet.marketplace.points;

import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.TextRules;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.ConflictException;
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

    /**
     * A code and what became of it: registered as a FortiPoints pack ({@code packId}) or as a FortiFlex points pack
     * ({@code flexPackId}) on {@code accountId}, or not yet.
     */
    public record Code(long id, String code, String sku, SkuKind kind, Long packId, Long flexPackId, Long accountId,
                       String accountName, Instant registeredAt) {
        public String display() {
            return CodeFormat.display(code);
        }

        public boolean registered() {
            return packId != null || flexPackId != null;
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
        FieldChecks checks = new FieldChecks();
        PointsSku s = null;
        if (sku == null || sku.isBlank()) {
            checks.fail("sku", "Choose the SKU the codes are for.");
        } else {
            s = checks.value(() -> skus.require(sku));
            if (s != null && !s.active()) {
                checks.fail("sku", "SKU " + s.sku() + " is inactive; activate it in the SKU catalogue first.");
            }
        }
        if (count == null || count < 1 || count > MAX_BATCH) {
            checks.fail("count", "Issue between 1 and " + MAX_BATCH + " codes at a time.");
        }
        String typed = checks.value(() -> TextRules.line("note", "Notes", note));
        String n = typed == null || typed.isEmpty() ? null : typed;
        if (n != null && n.length() > 200) {
            checks.fail("note", "The note is at most 200 characters.");
        }
        checks.done();
        PointsSku batchSku = s;
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(
                    "insert into registration_code_batches (sku, code_count, note, created_by, created_at) values (?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, batchSku.sku());
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
                        CodeFormat.generate(random), batchId, batchSku.sku());
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
        return jdbc.query(CODES + " where c.batch_id = ? order by c.id", (rs, i) -> codeRow(rs), batchId);
    }

    /** Locking read: two people registering the same code queue here and the second sees it taken. */
    Optional<Code> findForUpdate(String normalized) {
        return jdbc.query(CODES + " where c.code = ? for update", (rs, i) -> codeRow(rs), normalized).stream().findFirst();
    }

    /**
     * The code a person typed, locked for registering it (either kind). Refuses, at the registrationCode field, a
     * SKU typed where the code belongs, something that is not a code, and an unknown code. Whether it is already
     * registered, and whether its kind fits, is the caller's to decide.
     */
    public Code claim(String typed) {
        if (skus.isSku(typed)) {
            throw new InvalidInputException("registrationCode", PackRegistration.SKU_MESSAGE);
        }
        String code = CodeFormat.normalize(typed);
        if (!CodeFormat.isWellFormed(code)) {
            throw new InvalidInputException("registrationCode", "That is not a registration code: a code has 20 letters and digits, "
                    + "shown in five groups like K7QF-9MZD-3XWA-PT2H-8RCE. Check it against your Service Registration Document.");
        }
        return findForUpdate(code).orElseThrow(() -> new InvalidInputException("registrationCode",
                "This registration code is not known. Check it against your Service Registration Document; "
                        + "if it is correct, contact Fortinet Customer Service."));
    }

    /** The refusal for a code registered before (by anyone). */
    public static ConflictException alreadyRegistered() {
        return new ConflictException("registrationCode", "This registration code has already been registered; each code "
                + "can be registered once. If you did not register it, contact Fortinet Customer Service.");
    }

    void markRegistered(long codeId, long packId) {
        jdbc.update("update registration_codes set pack_id = ?, registered_at = ? where id = ? and pack_id is null and flex_pack_id is null",
                packId, Timestamp.from(clock.now()), codeId);
    }

    /** The code became a FortiFlex points pack. */
    public void markRegisteredAsFlexPack(long codeId, long flexPackId) {
        if (jdbc.update("update registration_codes set flex_pack_id = ?, registered_at = ? where id = ? and pack_id is null and flex_pack_id is null",
                flexPackId, Timestamp.from(clock.now()), codeId) != 1) {
            throw new IllegalStateException("registration code " + codeId + " was registered under its lock");
        }
    }

    private static final String CODES = """
            select c.id, c.code, c.sku, s.kind, c.pack_id, c.flex_pack_id, coalesce(p.account_id, f.account_id) as account_id,
                   a.name, c.registered_at
            from registration_codes c join points_skus s on s.sku = c.sku
            left join point_packs p on p.id = c.pack_id left join flex_packs f on f.id = c.flex_pack_id
            left join accounts a on a.id = coalesce(p.account_id, f.account_id)
            """;

    private static Code codeRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Code(rs.getLong(1), rs.getString(2), rs.getString(3), SkuKind.valueOf(rs.getString(4)),
                (Long) rs.getObject(5, Long.class), (Long) rs.getObject(6, Long.class), (Long) rs.getObject(7, Long.class),
                rs.getString(8), rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant());
    }

    private static final String BATCHES = """
            select b.id, b.sku, s.points, b.code_count, count(c.registered_at) as registered, b.note, u.email, b.created_at
            from registration_code_batches b join points_skus s on s.sku = b.sku
            left join registration_codes c on c.batch_id = b.id left join users u on u.id = b.created_by
            """;

    private static Batch batchRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Batch(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5), rs.getString(6),
                rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
