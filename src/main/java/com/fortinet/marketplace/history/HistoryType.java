package com.fortinet.marketplace.history;

import com.fortinet.marketplace.orders.OrderType;

/** What History can be filtered by: the three kinds of marketplace order and FortiFlex transfers. */
public enum HistoryType {
    RENEW("Renewal", OrderType.RENEW),
    COTERM("Co-term", OrderType.COTERM),
    UPGRADE("Upgrade", OrderType.UPGRADE),
    FLEX_TRANSFER("FortiFlex transfer", null);

    private final String label;
    private final OrderType orderType;

    HistoryType(String label, OrderType orderType) {
        this.label = label;
        this.orderType = orderType;
    }

    public String label() {
        return label;
    }

    /** The order type this filter selects; null for FortiFlex transfers. */
    public OrderType orderType() {
        return orderType;
    }
}
