package com.fortinet.marketplace.installedbase;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A registered device or VM with its current coverage per service (latest contract of each service). */
public record Unit(long id, String serialNumber, String family, String model, long accountId, String location,
                   LocalDate endOfSupport, List<Coverage> coverage) {

    public Optional<Coverage> coverageOf(String service) {
        return coverage.stream().filter(c -> c.service().equals(service)).findFirst();
    }

    public Unit withCoverage(List<Coverage> c) {
        return new Unit(id, serialNumber, family, model, accountId, location, endOfSupport, c);
    }

    /** The worst status among the unit's services, for sorting and the row highlight. */
    public CoverageStatus worstStatus() {
        CoverageStatus worst = null;
        for (Coverage c : coverage) {
            if (c.status() == CoverageStatus.UPGRADED) {
                continue;
            }
            if (worst == null || c.status().ordinal() > worst.ordinal()) {
                worst = c.status();
            }
        }
        return worst;
    }
}
