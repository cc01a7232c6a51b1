package com.fortinet.marketplace.flex;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where a FortiFlex form sends the browser after a change, and what it tells the user. Stored with the form's
 * idempotency key, so a double submit lands on the same page instead of changing anything twice.
 */
public record PageResult(String location, String message) {

    /** The fingerprint of a form post: the action and its fields, without the CSRF and idempotency tokens. */
    public static String fingerprint(String action, Map<String, java.util.List<String>> form) {
        return action + " " + new TreeMap<>(form).entrySet().stream()
                .filter(e -> !e.getKey().equals("_csrf") && !e.getKey().equals("idempotencyKey"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }
}
