package com.fortinet.marketplace.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An order as History and the API show it. */
public record OrderView(long id, String transactionNumber, long accountId, String accountName, long payingAccountId,
                        String payingAccountName, OrderType type, String status, long totalPoints, String description,
                        LocalDate targetEndDate, LocalDate businessDate, String createdBy, Instant createdAt,
                        Long ledgerEntryId, List<LineView> lines) {

    public record LineView(int lineNo, String serialNumber, String model, String service, String newService,
                           Integer termMonths, LocalDate previousEndDate, LocalDate startDate, LocalDate endDate,
                           int backdatedDays, int forwardDays, long points, String explanation, String contractNumber) {
    }

    public OrderView withLines(List<LineView> l) {
        return new OrderView(id, transactionNumber, accountId, accountName, payingAccountId, payingAccountName, type,
                status, totalPoints, description, targetEndDate, businessDate, createdBy, createdAt, ledgerEntryId, l);
    }

    public boolean paidByOtherAccount() {
        return payingAccountId != accountId;
    }

    public long backdatedLines() {
        return lines.stream().filter(l -> l.backdatedDays() > 0).count();
    }
}
