package com.fortinet.marketplace.orders;

import java.time.LocalDate;
import java.util.List;

/** What the customer asks for; the same shape from the page and the API. */
public record OrderRequest(long accountId, Long payingAccountId, OrderType type, LocalDate targetEndDate,
                           List<Line> lines, String description) {

    public record Line(String serialNumber, String service, Integer termMonths, String newService) {
    }

    public long payingAccount() {
        return payingAccountId == null ? accountId : payingAccountId;
    }
}
