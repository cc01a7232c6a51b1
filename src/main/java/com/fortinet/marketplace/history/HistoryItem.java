package com.fortinet.marketplace.history;

import com.fortinet.marketplace.flex.FlexTransfer;
import com.fortinet.marketplace.orders.OrderView;

import java.time.Instant;
import java.time.LocalDate;

/** One row of History: a marketplace order or a FortiFlex transfer (exactly one of the two is set). */
public record HistoryItem(LocalDate businessDate, Instant createdAt, OrderView order, FlexTransfer transfer) {

    public boolean isOrder() {
        return order != null;
    }

    public boolean isTransfer() {
        return transfer != null;
    }

    /** FortiPoints this row took from the account that paid. */
    public long fortiPoints() {
        return isOrder() ? order.totalPoints() : transfer.fortiPointsSpent();
    }

    public String typeLabel() {
        return isOrder() ? order.type().label() : HistoryType.FLEX_TRANSFER.label();
    }
}
