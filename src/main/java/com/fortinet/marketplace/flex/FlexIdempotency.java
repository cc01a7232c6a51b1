package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.idempotency.Idempotency;
import com.fortinet.marketplace.idempotency.IdempotentRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * FortiFlex change requests (configurations, entitlements; pages and API) through the portal's one idempotency
 * implementation, {@link Idempotency} (DESIGN §9): the same key with the same request answers the first answer again
 * (replayed); with a different request 422; while the first is still running 409. This class only adapts it to the
 * FortiFlex controllers' shape (a fingerprint string, the answer's status and JSON body) and forgets FortiFlex keys
 * after a week.
 */
@Component
public class FlexIdempotency {

    public static final int MAX_KEY_LENGTH = Idempotency.MAX_KEY_LENGTH;
    public static final String REUSED_TITLE = "Idempotency key reused";
    /** What a page says when a form already used is sent again with other values (browser back, then submit). */
    public static final String PAGE_REUSED = "This form was already sent once. Reload the page to make another change.";
    /** The operation FortiFlex keys are stored under; the fingerprint tells the requests apart. */
    static final String OPERATION = "flex";

    private final Idempotency idempotency;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public FlexIdempotency(Idempotency idempotency, JdbcTemplate jdbc, ObjectMapper json) {
        this.idempotency = idempotency;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What a change answered: its HTTP status, its JSON body, and whether this is a repeat of an earlier request. */
    public record Outcome<T>(int status, String body, T value, boolean replayed) {

        /** The API answer: the stored JSON as it was first sent, marked when it is a repeat. */
        public ResponseEntity<String> response() {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                    .headers(Idempotency.replayHeaders(replayed)).body(body);
        }
    }

    /**
     * Runs {@code work} once per ({@code accountId}, {@code key}) in one transaction. {@code fingerprint} describes
     * the request (method, path, body); {@code key} null or blank: no idempotency, the work simply runs.
     */
    public <T> Outcome<T> run(long accountId, String key, String fingerprint, int status, Class<T> type, Supplier<T> work) {
        var outcome = idempotency.run(IdempotentRequest.of(accountId, key, OPERATION, fingerprint), type, work);
        return new Outcome<>(status, json.writeValueAsString(outcome.result()), outcome.result(), outcome.replayed());
    }

    /** FortiFlex keys are answered again for a week; older ones are forgotten by the daily expiry job. */
    public int forgetOlderThan(Instant before) {
        return jdbc.update("delete from idempotency_keys where operation = ? and created_at < ?", OPERATION,
                Timestamp.from(before));
    }
}
