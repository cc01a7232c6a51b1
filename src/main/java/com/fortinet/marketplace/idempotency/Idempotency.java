package com.fortinet.marketplace.idempotency;

import com.fortinet.marketplace.database.Transactions;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one implementation of idempotent change requests (DESIGN §9, after the IETF {@code Idempotency-Key} draft), for
 * pages (a hidden form token) and the API (the {@code Idempotency-Key} header) alike: orders, FortiFlex transfers,
 * FortiPoints and FortiFlex pack registration, the admin pack import, program extensions and FortiFlex configuration
 * and entitlement changes ({@code flex.FlexIdempotency}) use it, and so should every new change request.
 * <ul>
 *   <li>A key is an opaque, case-sensitive string of at most {@value #MAX_KEY_LENGTH} characters (surrounding
 *       whitespace is dropped), unique per account: {@code a} and {@code A} are two keys. A longer key or one with
 *       control characters is a 400 naming the header.</li>
 *   <li>The same key with the same request (same operation and fields) answers the first result again; callers add
 *       {@code Idempotent-Replayed: true} and answer with the first status and body. The result is stored as JSON
 *       in the same transaction as the change itself, so it is exactly the first answer, also from another
 *       instance or after a restart.</li>
 *   <li>The same key with a different request: {@link IdempotencyKeyReusedException} (422), nothing changed.</li>
 *   <li>The same key while the first request is still running: {@link RequestInProgressException} (409) at once,
 *       never for a request that has finished. (When two arrive within the same instant, the second may instead
 *       wait for the first and replay it.)</li>
 *   <li>A request that fails stores nothing: its key can be sent again, e.g. after registering more points.</li>
 * </ul>
 * How to use it: validate what needs no database (scope, shape of the body) first, then
 * {@code idempotency.run(IdempotentRequest.of(accountId, key, "operation", fields…), ResultType.class, () -> work())}.
 * {@code run} owns the transaction (READ COMMITTED, retried on deadlocks through {@link Transactions}): don't call
 * it from inside a {@code @Transactional} method, and make {@code work} transactional only through it. The result
 * type must survive a JSON round trip (records of plain values do).
 * <p>
 * How it works: the key's row in {@code idempotency_keys} is claimed by an insert at the start of the request's
 * transaction and filled with the result at its end, so the row is only ever visible complete. A row locked by a
 * running transaction means "in progress": on MariaDB the claiming insert itself gives up at once on it (a lock wait
 * timeout of 0 for that statement), on MySQL a {@code FOR UPDATE NOWAIT} read before the insert does.
 */
@Component
public class Idempotency {

    public static final int MAX_KEY_LENGTH = 100;
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final int ER_LOCK_WAIT_TIMEOUT = 1205; // MariaDB's answer to NOWAIT
    private static final int ER_LOCK_NOWAIT = 3572;       // MySQL's
    private static final String INSERT =
            "insert into idempotency_keys (account_id, idem_key, operation, request_hash) values (?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final Transactions transactions;
    private final JsonMapper json;
    private volatile Boolean mariaDb; // null: not asked yet; tests set it to run the MySQL claim on MariaDB

    public Idempotency(JdbcTemplate jdbc, Transactions transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /** The key as stored, {@code null} when none was given; 400 naming the header when it can't be one. */
    public static String validKey(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String key = raw.strip();
        if (key.codePointCount(0, key.length()) > MAX_KEY_LENGTH) {
            throw new InvalidInputException(HEADER, "The Idempotency-Key is at most " + MAX_KEY_LENGTH + " characters.");
        }
        if (key.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(HEADER, "The Idempotency-Key must not contain control characters.");
        }
        return key;
    }

    /** {@code Idempotent-Replayed: true} on a replayed answer; nothing on a first one. */
    public static HttpHeaders replayHeaders(boolean replayed) {
        HttpHeaders headers = new HttpHeaders();
        if (replayed) {
            headers.set(REPLAYED_HEADER, "true");
        }
        return headers;
    }

    /** Runs {@code work} once per key and request in its own transaction; see the class comment. */
    public <R> Outcome<R> run(IdempotentRequest request, Class<R> resultType, Supplier<R> work) {
        String key = validKey(request.key());
        if (key == null) {
            return new Outcome<>(transactions.inTransaction(work), false);
        }
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        byte[] hash = fingerprint(request);
        return transactions.inTransaction(() -> {
            Optional<Stored> first = claim(request.accountId(), keyBytes, request.operation(), hash);
            if (first.isPresent()) {
                Stored s = first.get();
                if (!s.operation().equals(request.operation()) || !Arrays.equals(s.requestHash(), hash)) {
                    throw new IdempotencyKeyReusedException(s.operation());
                }
                return new Outcome<>(json.readValue(s.result(), resultType), true);
            }
            R result = work.get();
            jdbc.update("update idempotency_keys set result = ? where account_id = ? and idem_key = ?",
                    json.writeValueAsString(result), request.accountId(), keyBytes);
            return new Outcome<>(result, false);
        });
    }

    private record Stored(String operation, byte[] requestHash, String result) {
    }

    /** Empty: this request owns the key now. Present: the finished first request with this key. */
    private Optional<Stored> claim(long accountId, byte[] key, String operation, byte[] hash) {
        if (insertsWithoutWaiting()) {
            return claimByInsert(accountId, key, operation, hash);
        }
        Optional<Stored> existing;
        try {
            existing = find(accountId, key, " for update nowait");
        } catch (DataAccessException e) {
            if (isNoWait(e)) {
                throw new RequestInProgressException();
            }
            throw e;
        }
        if (existing.isPresent()) {
            return existing;
        }
        try {
            jdbc.update(INSERT, accountId, key, operation, hash);
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            // The first request inserted the key after our read; InnoDB held our insert until it committed.
            return find(accountId, key, "");
        }
    }

    /**
     * MariaDB: one statement in the usual case (a new key) instead of a locking read and an insert. The insert gives up
     * at once on a key row that a running transaction holds (lock wait timeout 0 for this statement only), so that
     * request is still "in progress" at once; a duplicate means the first request has committed, and its row is read.
     */
    private Optional<Stored> claimByInsert(long accountId, byte[] key, String operation, byte[] hash) {
        try {
            jdbc.update("SET STATEMENT innodb_lock_wait_timeout = 0 FOR " + INSERT, accountId, key, operation, hash);
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            return find(accountId, key, "");
        } catch (DataAccessException e) {
            if (isNoWait(e)) {
                throw new RequestInProgressException();
            }
            throw e;
        }
    }

    /** Tests: the claim MySQL gets (a NOWAIT read, then an insert), run on MariaDB. */
    void claimWithLockingRead() {
        this.mariaDb = false;
    }

    /** {@code SET STATEMENT} is MariaDB's; on MySQL the claim stays a NOWAIT read and an insert. */
    private boolean insertsWithoutWaiting() {
        Boolean mariaDb = this.mariaDb;
        if (mariaDb == null) {
            mariaDb = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) con ->
                    con.getMetaData().getDatabaseProductVersion().contains("MariaDB")));
            this.mariaDb = mariaDb;
        }
        return mariaDb;
    }

    private Optional<Stored> find(long accountId, byte[] key, String lock) {
        return jdbc.query("select operation, request_hash, result from idempotency_keys where account_id = ? and idem_key = ?"
                        + lock, (rs, i) -> new Stored(rs.getString(1), rs.getBytes(2), rs.getString(3)), accountId, key)
                .stream().findFirst();
    }

    private byte[] fingerprint(IdempotentRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(request.operation().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(request.fields() == null ? List.of() : request.fields()));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isNoWait(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == ER_LOCK_WAIT_TIMEOUT || s.getErrorCode() == ER_LOCK_NOWAIT)) {
                return true;
            }
        }
        return false;
    }
}
