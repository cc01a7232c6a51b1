package com.fortinet.marketplace.idempotency;

import com.fortinet.marketplace.web.BusinessRuleException;

/** The key was first used for a different request: 422, nothing changed (IETF Idempotency-Key draft). */
public class IdempotencyKeyReusedException extends BusinessRuleException {

    public IdempotencyKeyReusedException(String operation) {
        super("Idempotency key reused", "This Idempotency-Key was already used for a different request (" + operation
                + "); nothing was changed. Use a new key for a new request.");
    }
}
