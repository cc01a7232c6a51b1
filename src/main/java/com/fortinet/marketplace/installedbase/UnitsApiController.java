package com.fortinet.marketplace.installedbase;

import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
class UnitsApiController {

    private static final int MAX = 5000;

    private final AccountScope scope;
    private final InstalledBase base;
    private final BusinessClock clock;

    UnitsApiController(AccountScope scope, InstalledBase base, BusinessClock clock) {
        this.scope = scope;
        this.base = base;
        this.clock = clock;
    }

    public record ServiceJson(String service, String contractNumber, LocalDate startDate, LocalDate endDate,
                              CoverageStatus status) {
    }

    public record UnitJson(String serialNumber, String model, String family, String location, LocalDate endOfSupport,
                           List<ServiceJson> services) {
        static UnitJson of(Unit u) {
            return new UnitJson(u.serialNumber(), u.model(), u.family(), u.location(), u.endOfSupport(),
                    u.coverage().stream().map(c -> new ServiceJson(c.service(), c.contractNumber(), c.startDate(),
                            c.endDate(), c.status())).toList());
        }
    }

    @GetMapping("/api/v1/accounts/{accountId}/units")
    List<UnitJson> units(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                         @RequestParam(required = false) String family, @RequestParam(required = false) String model,
                         @RequestParam(required = false) ExpiryWindow expiry,
                         @RequestParam(required = false) String serial) {
        scope.requireVisible(me, accountId);
        return base.searchAll(accountId, new UnitFilter(family, model, expiry, serial), clock.today(), MAX)
                .stream().map(UnitJson::of).toList();
    }
}
