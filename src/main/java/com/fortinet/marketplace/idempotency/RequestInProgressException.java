package com.fortinet.marketplace.idempotency;

import com.fortinet.marketplace.web.ConflictException;

/** The first request with this key is still running: 409; retry shortly to get its result. */
public class RequestInProgressException extends ConflictException {

    public RequestInProgressException() {
        super(Idempotency.HEADER, "A request with this Idempotency-Key is still being processed; nothing was changed. "
                + "Send it again in a moment to get its result.");
    }
}
