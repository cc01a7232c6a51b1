package com.fortinet.marketplace.renewals;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A due contract with what became of it: one row of the drill-down lists. */
public record DueContract(long id, String contractNumber, String service, LocalDate startDate, LocalDate endDate,
                          long unitId, String serialNumber, String family, String model,
                          long accountId, String accountName, String region, RenewalStatus status,
                          Long successorId, String successorNumber, String successorChannel,
                          LocalDate successorStart, LocalDate successorEnd, Long renewedAmount,
                          String orderNumber, Integer orderBackdatedDays, long listPrice12) {

    /** Days the renewal was backdated, as decided when it was bought (order line, or the recorded PO renewal). */
    public Integer backdatedDays() {
        return orderBackdatedDays;
    }

    public boolean backdated() {
        return orderBackdatedDays != null && orderBackdatedDays > 0;
    }

    public Long expiredAmount() {
        return status == RenewalStatus.EXPIRED ? listPrice12 : null;
    }

    public String channelLabel() {
        if (successorChannel == null) {
            return "";
        }
        return switch (successorChannel) {
            case "POINTS" -> Channel.POINTS.label();
            case "PO" -> Channel.PO.label();
            default -> "Imported";
        };
    }

    /** Days since the end, for lapsed contracts. */
    public long daysSinceEnd(LocalDate today) {
        return ChronoUnit.DAYS.between(endDate, today);
    }

    public boolean canRecordPo() {
        return status != RenewalStatus.RENEWED;
    }

    List<String> csv() {
        List<String> r = new ArrayList<>();
        r.add(status.name());
        r.add(endDate.toString());
        r.add(serialNumber);
        r.add(family);
        r.add(model);
        r.add(String.valueOf(accountId));
        r.add(accountName);
        r.add(region);
        r.add(service);
        r.add(contractNumber);
        r.add(startDate.toString());
        r.add(successorNumber == null ? "" : successorNumber);
        r.add(successorChannel == null ? "" : successorChannel);
        r.add(successorStart == null ? "" : successorStart.toString());
        r.add(successorEnd == null ? "" : successorEnd.toString());
        r.add(orderBackdatedDays == null ? "" : orderBackdatedDays.toString());
        r.add(renewedAmount == null ? "" : renewedAmount.toString());
        r.add(orderNumber == null ? "" : orderNumber);
        r.add(expiredAmount() == null ? "" : expiredAmount().toString());
        return r;
    }
}
