package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Idempotency keys for FortiFlex change requests (DESIGN §9), pages and API alike: the same key with the same request
 * answers the first answer again (replayed); with a different request 422; while the first is still running 409.
 * Keys are per account and case-sensitive, at most 100 characters. The answer is stored in the transaction that makes
 * the change, so a change and its remembered answer commit together; a request that fails releases its key.
 *
 * <p>Kept in this one class so that FortiFlex can move to the portal-wide idempotency component (branch
 * {@code reliability}) by changing only this class.
 */
@Component
public class FlexIdempotency {

    public static final int MAX_KEY_LENGTH = 100;
    public static final String REUSED_TITLE = "Idempotency key reused";
    /** What a page says when a form already used is sent again with other values (browser back, then submit). */
    public static final String PAGE_REUSED = "This form was already sent once. Reload the page to make another change.";
    /** A RUNNING key older than this belongs to a request that died with its instance: a repeat may take it over. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final TransactionTemplate newTx;
    private final ObjectMapper json;
    private final BusinessClock clock;

    public FlexIdempotency(JdbcTemplate jdbc, PlatformTransactionManager transactions, ObjectMapper json,
                           BusinessClock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.newTx = new TransactionTemplate(transactions);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
    }

    /** What a change answered: its HTTP status, its JSON body, and whether this is a repeat of an earlier request. */
    public record Outcome<T>(int status, String body, T value, boolean replayed) {

        /** The API answer: the stored JSON as it was first sent, marked when it is a repeat. */
        public ResponseEntity<String> response() {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotent-Replayed", String.valueOf(replayed)).body(body);
        }
    }

    /**
     * Runs {@code work} once per ({@code accountId}, {@code key}) in one transaction. {@code fingerprint} describes
     * the request (method, path, body); {@code key} null or blank: no idempotency, the work simply runs.
     */
    public <T> Outcome<T> run(long accountId, String key, String fingerprint, int status, Class<T> type, Supplier<T> work) {
        if (key == null || key.isBlank()) {
            return tx.execute(s -> {
                T value = work.get();
                return new Outcome<>(status, json.writeValueAsString(value), value, false);
            });
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidInputException("Idempotency-Key", "An idempotency key is at most " + MAX_KEY_LENGTH + " characters.");
        }
        String hash = sha256(fingerprint);
        Outcome<T> earlier = newTx.execute(s -> claim(accountId, key, hash, type));
        if (earlier != null) {
            return earlier;
        }
        try {
            return tx.execute(s -> {
                T value = work.get();
                String body = json.writeValueAsString(value);
                jdbc.update("""
                        update flex_idempotency_keys set state = 'DONE', status = ?, body = ?
                        where account_id = ? and idempotency_key = ?""", status, body, accountId, key);
                return new Outcome<>(status, body, value, false);
            });
        } catch (RuntimeException e) {
            newTx.executeWithoutResult(s -> jdbc.update("""
                    delete from flex_idempotency_keys where account_id = ? and idempotency_key = ? and state = 'RUNNING'""",
                    accountId, key));
            throw e;
        }
    }

    /** Null when this request may run; the first answer when it is a repeat; 409 / 422 otherwise. */
    private <T> Outcome<T> claim(long accountId, String key, String hash, Class<T> type) {
        Instant now = clock.now();
        if (jdbc.update("""
                insert ignore into flex_idempotency_keys (account_id, idempotency_key, request_hash, state, started_at)
                values (?, ?, ?, 'RUNNING', ?)""", accountId, key, hash, Timestamp.from(now)) == 1) {
            return null;
        }
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select request_hash, state, status, body, started_at from flex_idempotency_keys
                where account_id = ? and idempotency_key = ? for update""", accountId, key);
        if (rows.isEmpty()) {
            throw new IllegalStateException("Idempotency key neither inserted nor found (account " + accountId + ")");
        }
        Map<String, Object> row = rows.get(0);
        if (!hash.equals(row.get("request_hash"))) {
            throw new BusinessRuleException(REUSED_TITLE, "This Idempotency-Key was already used on this "
                    + "account for a different request; nothing was changed. Send a new key with each new request.");
        }
        if ("DONE".equals(row.get("state"))) {
            String body = (String) row.get("body");
            return new Outcome<>(((Number) row.get("status")).intValue(), body, json.readValue(body, type), true);
        }
        Instant started = ((Timestamp) row.get("started_at")).toInstant();
        if (started.isAfter(now.minus(ABANDONED_AFTER))) {
            throw new ConflictException("Idempotency-Key", "A request with this Idempotency-Key is still being processed; "
                    + "try again in a moment to get its answer.");
        }
        jdbc.update("update flex_idempotency_keys set started_at = ? where account_id = ? and idempotency_key = ?",
                Timestamp.from(now), accountId, key);
        return null;
    }

    /** Keys are answered again for a week; older ones are forgotten by the daily expiry job. */
    public int forgetOlderThan(Instant before) {
        return jdbc.update("delete from flex_idempotency_keys where state = 'DONE' and started_at < ?", Timestamp.from(before));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
