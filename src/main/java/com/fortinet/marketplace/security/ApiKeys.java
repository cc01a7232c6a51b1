package com.fortinet.marketplace.security;

import com.fortinet.marketplace.web.TextRules;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * API keys: shown once at creation, stored as SHA-256 (keys carry 256 random bits, so a slow hash adds nothing),
 * revocable, with a last-used time for the profile page.
 */
@Service
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ApiKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record ApiKeyView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
                             Instant revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    public record CreatedKey(long id, String name, String secret) {
    }

    @Transactional
    public CreatedKey create(long userId, String name) {
        String trimmed = name == null ? "" : TextRules.line("name", "Key names", name);
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("name", "Give the key a name, e.g. the script or tool that will use it.");
        }
        if (trimmed.length() > 100) {
            throw new InvalidInputException("name", "Key names are at most 100 characters.");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "fmp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new CreatedKey(store(userId, trimmed, secret), trimmed, secret);
    }

    /** Stores a key whose secret is chosen by the caller (the fixed demo keys). */
    @Transactional
    public long store(long userId, String name, String secret) {
        jdbc.update("insert into api_keys (user_id, name, key_prefix, key_hash) values (?, ?, ?, ?)",
                userId, name, secret.substring(0, Math.min(8, secret.length())), hash(secret));
        return jdbc.queryForObject("select id from api_keys where key_hash = ?", Long.class, hash(secret));
    }

    public List<ApiKeyView> keysOf(long userId) {
        return jdbc.query("""
                select id, name, key_prefix, created_at, last_used_at, revoked_at from api_keys
                where user_id = ? order by revoked_at is not null, created_at desc
                """, (rs, i) -> new ApiKeyView(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), toInstant(rs.getTimestamp(5)), toInstant(rs.getTimestamp(6))), userId);
    }

    @Transactional
    public void revoke(long userId, long keyId) {
        int n = jdbc.update("update api_keys set revoked_at = ? where id = ? and user_id = ? and revoked_at is null",
                Timestamp.from(clock.instant()), keyId, userId);
        if (n == 0) {
            throw new NotFoundException("No active API key " + keyId + " on your profile.");
        }
    }

    /** The user behind an active key of an enabled user, recording when the key was last used. */
    public Optional<PortalUser> authenticate(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 200) {
            return Optional.empty();
        }
        String hash = hash(secret.trim());
        // The key and its user in one statement without a transaction: every API request starts here.
        List<KeyRow> rows = jdbc.query("""
                        select k.id, k.last_used_at, u.id, u.email, u.display_name, u.role, u.permission, u.account_id
                        from api_keys k join users u on u.id = k.user_id
                        where k.key_hash = ? and k.revoked_at is null and u.enabled""",
                (rs, i) -> new KeyRow(rs.getLong(1), toInstant(rs.getTimestamp(2)), new PortalUser(rs.getLong(3),
                        rs.getString(4), rs.getString(5), "", Role.valueOf(rs.getString(6)),
                        Permission.valueOf(rs.getString(7)), rs.getObject(8, Long.class), true, false)), hash);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        KeyRow key = rows.get(0);
        Instant now = clock.instant();
        // One write per key per minute at most, so busy scripts don't turn every read into a write (nor send an
        // UPDATE that changes nothing: the row read above already says whether one is due).
        Instant due = now.minus(LAST_USED_GRANULARITY);
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(due)) {
            jdbc.update("update api_keys set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)",
                    Timestamp.from(now), key.id(), Timestamp.from(due));
        }
        return Optional.of(key.user());
    }

    private record KeyRow(long id, Instant lastUsedAt, PortalUser user) {
    }

    static String hash(String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant toInstant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
