package com.fortinet.marketplace.installedbase;

import com.fortinet.marketplace.time.BusinessClock;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** Back office: registers units with their existing contracts. Admin only (SecurityConfig). */
@RestController
class AdminUnitsApiController {

    private final InstalledBaseService service;
    private final InstalledBase base;
    private final BusinessClock clock;

    AdminUnitsApiController(InstalledBaseService service, InstalledBase base, BusinessClock clock) {
        this.service = service;
        this.base = base;
        this.clock = clock;
    }

    record ServiceBody(String service, LocalDate startDate, LocalDate endDate, String contractNumber) {
    }

    record UnitBody(String serialNumber, String model, String family, String location, LocalDate endOfSupport,
                    List<ServiceBody> services) {
    }

    @PostMapping("/api/v1/admin/accounts/{accountId}/units")
    @ResponseStatus(HttpStatus.CREATED)
    UnitsApiController.UnitJson create(@PathVariable long accountId, @RequestBody UnitBody body) {
        service.addUnit(accountId, new NewUnit(body.serialNumber(), body.model(), body.family(), body.location(),
                body.endOfSupport(), body.services() == null ? List.of() : body.services().stream()
                .map(s -> new NewUnit.NewService(s.service(), s.startDate(), s.endDate(), s.contractNumber())).toList()));
        return UnitsApiController.UnitJson.of(base.findBySerial(body.serialNumber(), clock.today()).orElseThrow());
    }
}
