package com.fortinet.marketplace.flex.entitlements;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A FortiFlex entitlement as it is now (its history is in {@link EntitlementEvent}s). Runs [startDate, endDate);
 * {@code followsProgram}: the end date is the program's end. {@code token} is a secret: see {@link Tokens#masked}.
 */
public record Entitlement(long id, String serialNumber, long accountId, long programId, long configId, int productTypeId,
                          boolean hardware, Long unitId, String description, EntitlementStatus status,
                          LocalDate startDate, LocalDate endDate, boolean followsProgram, String token,
                          TokenStatus tokenStatus, Instant createdAt, Instant updatedAt) {
}
