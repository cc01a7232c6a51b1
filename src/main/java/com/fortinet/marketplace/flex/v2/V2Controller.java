package com.fortinet.marketplace.flex.v2;

import com.fortinet.marketplace.database.DatabaseUnavailable;
import com.fortinet.marketplace.flex.FlexIdempotency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

import java.util.function.Supplier;

/**
 * What the FortiFlex v2 controllers share: every failure as FortiFlex's envelope (these handlers sit on the
 * controllers themselves, so they come before the portal-wide problem+json advice), and idempotent changes through
 * {@link FlexIdempotency} exactly as /api/v1 makes them.
 */
abstract class V2Controller {

    static final String BASE = "/ES/api/fortiflex/v2";
    private static final Logger log = LoggerFactory.getLogger(V2Controller.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<V2Failure> failure(Exception e) {
        V2Failure.Answer a = V2Failure.of(e);
        if (a == null) {
            log.error("Unexpected FortiFlex v2 API error", e);
            a = V2Failure.unexpected();
        }
        var r = ResponseEntity.status(a.http()).contentType(MediaType.APPLICATION_JSON);
        if (a.http() == HttpStatus.SERVICE_UNAVAILABLE) {
            r.header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        }
        return r.body(a.body());
    }

    static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /**
     * Runs a change once per Idempotency-Key of the account (none: it simply runs). The fingerprint names the v2 path
     * and the body as sent, so the same key on another request is refused (422) like in /api/v1.
     */
    static <T> ResponseEntity<String> change(FlexIdempotency idempotency, long accountId, String key, String path,
                                             V2Body body, Class<T> type, Supplier<T> work) {
        return idempotency.run(accountId, key, "POST v2/" + path + " " + body.text(), 200, type, work).response();
    }
}
