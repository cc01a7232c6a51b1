package com.fortinet.marketplace.forticare;

import java.util.List;
import java.util.Optional;

/**
 * Service tiers a unit can move up. FortiGuard bundles each include FortiCare Premium (FC247); ATP (Advanced Threat
 * Protection) is the smallest bundle, UTP (Unified Threat Protection) adds web/DNS filtering and anti-spam to it,
 * ENT (Enterprise Protection) adds the rest; so FC247 < ATP < UTP < ENT. PRMA is an add-on, on no ladder.
 */
public final class ServiceLadder {

    public static final List<String> FORTIGATE = List.of("FC247", "ATP", "UTP", "ENT");

    private ServiceLadder() {
    }

    public static Optional<Integer> rank(String service) {
        int i = FORTIGATE.indexOf(service);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }

    public static boolean isUpgrade(String from, String to) {
        Optional<Integer> a = rank(from);
        Optional<Integer> b = rank(to);
        return a.isPresent() && b.isPresent() && b.get() > a.get();
    }

    /** The tiers above {@code from}, lowest first. */
    public static List<String> above(String from) {
        return rank(from).map(r -> FORTIGATE.subList(r + 1, FORTIGATE.size())).orElse(List.of());
    }
}
