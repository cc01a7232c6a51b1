package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.forticare.ServiceLadder;
import com.fortinet.marketplace.installedbase.Coverage;
import com.fortinet.marketplace.installedbase.CoverageStatus;
import com.fortinet.marketplace.installedbase.Unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the marketplace form's choices mean as order lines (DESIGN §3.4), so the page sends the same explicit lines
 * the API takes. "All current services" expands to each unit's services not upgraded away; an upgrade from the
 * "highest active tier" starts at the unit's highest active tier and goes one tier up unless a target is chosen.
 * Pure: no Spring, no database.
 */
final class MarketplaceChoice {

    /** The form's "all current services" / "highest active tier" value. */
    static final String ALL = "ALL";

    private MarketplaceChoice() {
    }

    /**
     * @param service    a service code, or {@link #ALL} (blank counts as ALL)
     * @param term       months, for renewals
     * @param newService the chosen upgrade target, or blank for one tier up
     */
    static List<OrderRequest.Line> lines(OrderType type, String service, int term, String newService, List<Unit> units,
                                         LocalDate today) {
        String chosen = service == null || service.isBlank() ? ALL : service;
        List<OrderRequest.Line> lines = new ArrayList<>();
        for (Unit u : units) {
            if (type == OrderType.UPGRADE) {
                // A unit with no active tier offers its highest lapsed one, so the preview says why (renew it instead).
                String from = ALL.equals(chosen)
                        ? highestTier(u, today, true).or(() -> highestTier(u, today, false)).orElse(null) : chosen;
                String to = newService == null || newService.isBlank()
                        ? (from == null ? null : ServiceLadder.above(from).stream().findFirst().orElse(null))
                        : newService;
                // No tier at all: the lowest rung, so the preview refuses it with its reason rather than dropping it.
                lines.add(new OrderRequest.Line(u.serialNumber(), from == null ? ServiceLadder.lowest() : from, null, to));
                continue;
            }
            List<String> services = ALL.equals(chosen)
                    ? u.coverage().stream().filter(c -> c.status() != CoverageStatus.UPGRADED).map(Coverage::service).toList()
                    : List.of(chosen);
            if (services.isEmpty()) {
                lines.add(new OrderRequest.Line(u.serialNumber(), null, term, null));
            }
            for (String s : services) {
                lines.add(new OrderRequest.Line(u.serialNumber(), s, type == OrderType.RENEW ? term : null, null));
            }
        }
        return lines;
    }

    /** The unit's highest tier on the ladder (add-ons such as PRMA are on none); active: ends after today. */
    static Optional<String> highestTier(Unit u, LocalDate today, boolean activeOnly) {
        return u.coverage().stream()
                .filter(c -> c.status() != CoverageStatus.UPGRADED && (!activeOnly || c.endDate().isAfter(today)))
                .map(Coverage::service).filter(s -> ServiceLadder.rank(s).isPresent())
                .max(Comparator.comparingInt(s -> ServiceLadder.rank(s).orElse(-1)));
    }
}
