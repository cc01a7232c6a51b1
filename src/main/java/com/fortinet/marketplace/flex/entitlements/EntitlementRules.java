package com.fortinet.marketplace.flex.entitlements;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static com.fortinet.marketplace.flex.entitlements.EntitlementStatus.ACTIVE;
import static com.fortinet.marketplace.flex.entitlements.EntitlementStatus.EXPIRED;
import static com.fortinet.marketplace.flex.entitlements.EntitlementStatus.PENDING;
import static com.fortinet.marketplace.flex.entitlements.EntitlementStatus.REMOVED;
import static com.fortinet.marketplace.flex.entitlements.EntitlementStatus.STOPPED;

/**
 * Which actions an entitlement allows in which state, and the state after (DESIGN §4.3). Pure: the pages use it to
 * offer only what is possible; the service refuses the rest with the same words.
 */
public final class EntitlementRules {

    /** Bulk actions and creations act on at most this many serial numbers at once. */
    public static final int MAX_PER_REQUEST = 100;

    private EntitlementRules() {
    }

    /** Why {@code action} is not possible, or empty when it is. {@code token} null for hardware. */
    public static Optional<String> refusal(Action action, EntitlementStatus status, boolean hardware, TokenStatus token) {
        return switch (action) {
            case ACTIVATE -> hardware ? Optional.of("Hardware entitlements have no token: they are active as soon as they are created.")
                    : status == PENDING || (status == ACTIVE && token == TokenStatus.NOTUSED) ? Optional.empty()
                    : status == ACTIVE ? Optional.of("This token was already used; regenerate the token to license the VM again.")
                    : Optional.of("The entitlement is " + status.name() + (status == STOPPED ? ": reactivate it first." : "."));
            case STOP -> status == ACTIVE ? Optional.empty()
                    : Optional.of(switch (status) {
                        case PENDING -> "It is PENDING: it consumes nothing until its token is used, so there is nothing to stop.";
                        case STOPPED -> "It is already STOPPED.";
                        default -> "It is " + status.name() + ".";
                    });
            case REACTIVATE -> status == STOPPED ? Optional.empty()
                    : Optional.of(status == ACTIVE ? "It is already ACTIVE." : "Only STOPPED entitlements can be reactivated; it is "
                    + status.name() + ".");
            case REMOVE -> !hardware ? Optional.of("Only hardware entitlements can be removed; VM entitlements are stopped instead.")
                    : status == STOPPED || status == EXPIRED ? Optional.empty()
                    : Optional.of(status == REMOVED ? "It is already REMOVED." : "Only STOPPED or EXPIRED hardware can be removed; it is "
                    + status.name() + (status == ACTIVE ? ": stop it first." : "."));
            case EXPIRE, STOP_WITH_CONFIGURATION -> status == ACTIVE || status == PENDING || (action == Action.EXPIRE && status == STOPPED)
                    ? Optional.empty() : Optional.of("It is " + status.name() + ".");
            case EDIT_DESCRIPTION, EDIT_CONFIGURATION -> status == PENDING || status == ACTIVE || status == STOPPED
                    ? Optional.empty() : Optional.of("It is " + status.name() + ": it can no longer be changed.");
            case EDIT_END_DATE -> status == PENDING || status == ACTIVE ? Optional.empty()
                    : Optional.of("The end date can be changed while PENDING or ACTIVE; it is " + status.name()
                    + (status == STOPPED ? ": reactivate it with a new end date instead." : "."));
            case REGENERATE_TOKEN -> hardware ? Optional.of("Hardware entitlements have no token.")
                    : status == PENDING || status == ACTIVE || status == STOPPED ? Optional.empty()
                    : Optional.of("It is " + status.name() + ": its token can no longer be used.");
        };
    }

    public static boolean allows(Action action, EntitlementStatus status, boolean hardware, TokenStatus token) {
        return refusal(action, status, hardware, token).isEmpty();
    }

    /** The status after an allowed action. */
    public static EntitlementStatus after(Action action, EntitlementStatus status) {
        return switch (action) {
            case ACTIVATE, REACTIVATE -> ACTIVE;
            case STOP, STOP_WITH_CONFIGURATION -> STOPPED;
            case REMOVE -> REMOVED;
            case EXPIRE -> EXPIRED;
            case EDIT_DESCRIPTION, EDIT_CONFIGURATION, EDIT_END_DATE, REGENERATE_TOKEN -> status;
        };
    }

    /** A bulk action covers serial numbers of one product type only (all or nothing). */
    public static Optional<String> mixedProductTypes(List<Integer> productTypeIds) {
        Set<Integer> distinct = productTypeIds.stream().collect(Collectors.toCollection(java.util.TreeSet::new));
        if (distinct.size() <= 1) {
            return Optional.empty();
        }
        return Optional.of("Bulk actions take entitlements of one product type; these are of product types "
                + distinct.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ". Filter by product type and select again; nothing was changed.");
    }
}
