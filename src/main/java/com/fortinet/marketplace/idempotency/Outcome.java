package com.fortinet.marketplace.idempotency;

/** The request's result, and whether it is the stored result of an earlier request with the same key. */
public record Outcome<R>(R result, boolean replayed) {
}
