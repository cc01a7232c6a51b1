package com.fortinet.marketplace.forticare;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Service tiers a unit can move up. FortiGuard bundles each include FortiCare Premium (FC247); ATP (Advanced Threat
 * Protection) is the smallest bundle, UTP (Unified Threat Protection) adds web/DNS filtering and anti-spam to it,
 * ENT (Enterprise Protection) adds the rest; so FC247 < ATP < UTP < ENT. PRMA is an add-on, on no ladder.
 * The one place the tier order is spelled out: pages, upgrade rules and the price list's SQL order take it from here.
 */
public final class ServiceLadder {

    public static final List<String> FORTIGATE = List.of("FC247", "ATP", "UTP", "ENT");

    /** Services bought beside the ladder. */
    public static final List<String> ADD_ONS = List.of(ItemRules.PRMA);

    /** Every service the marketplace offers, in display order: the ladder, then the add-ons. */
    public static final List<String> OFFERED = Stream.concat(FORTIGATE.stream(), ADD_ONS.stream()).toList();

    /** What an upgrade can move to: every tier but the lowest. */
    public static final List<String> UPGRADE_TARGETS = FORTIGATE.subList(1, FORTIGATE.size());

    private ServiceLadder() {
    }

    public static String lowest() {
        return FORTIGATE.get(0);
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

    /**
     * MariaDB ORDER BY term putting {@code column}'s offered services in display order; a service not offered gives
     * 0 and sorts first (follow with {@code , column} to sort those by name). Built from the constants above only.
     */
    public static String sqlOrder(String column) {
        return "field(" + column + ", " + OFFERED.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ")) + ")";
    }
}
