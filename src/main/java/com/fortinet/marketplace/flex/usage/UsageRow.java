package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.flex.FlexPoints;

import java.time.LocalDate;

/**
 * What one entitlement cost on one business day and the configuration it was charged for. Provisional: a day not
 * written by the daily job yet (today so far, or a day the job has not reached), computed by the same rule.
 */
public record UsageRow(LocalDate date, String serialNumber, long entitlementId, long configId, FlexPoints points,
                       boolean provisional) {
}
