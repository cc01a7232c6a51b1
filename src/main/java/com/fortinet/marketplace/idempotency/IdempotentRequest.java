package com.fortinet.marketplace.idempotency;

import java.util.Arrays;
import java.util.List;

/**
 * A change request as {@link Idempotency} sees it: whose key space it belongs to ({@code accountId}), the client's key
 * ({@code null}/blank: no idempotency asked for), what it does ({@code operation}, e.g. {@code "order"}) and the parsed
 * request's fields that make it this request ({@code fields}: the same request twice gives equal fields; anything
 * the client can vary belongs in them, nothing the server adds such as dates or the user's session).
 */
public record IdempotentRequest(long accountId, String key, String operation, List<Object> fields) {

    public static IdempotentRequest of(long accountId, String key, String operation, Object... fields) {
        return new IdempotentRequest(accountId, key, operation, Arrays.asList(fields));
    }
}
