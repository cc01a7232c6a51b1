package com.fortinet.marketplace.installedbase;

import java.time.LocalDate;
import java.util.List;

/** A unit to register with its existing contracts (admin page, API and CSV import). */
public record NewUnit(String serialNumber, String model, String family, String location, LocalDate endOfSupport,
                      List<NewService> services) {

    public record NewService(String service, LocalDate startDate, LocalDate endDate, String contractNumber) {
    }
}
