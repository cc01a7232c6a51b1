package com.fortinet.marketplace.flex.entitlements;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of an entitlement at an instant, with the state after it: what the daily charge replays to know which
 * configuration was in force while the entitlement was ACTIVE. {@code userId} null: the portal itself or a VM.
 */
public record EntitlementEvent(long id, long entitlementId, EventKind kind, Instant at, Long userId, String actor,
                               EntitlementStatus statusAfter, long configIdAfter, LocalDate endDateAfter, String detail) {
}
