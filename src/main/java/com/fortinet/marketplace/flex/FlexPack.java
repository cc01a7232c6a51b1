package com.fortinet.marketplace.flex;

import java.time.Instant;
import java.time.LocalDate;

/** A FortiFlex points pack registered onto an account's prepaid program. */
public record FlexPack(long id, long accountId, long programId, String programSerialNumber, String sku, FlexPoints points,
                       LocalDate registeredOn, String idempotencyKey, String registeredByEmail, Instant createdAt) {
}
