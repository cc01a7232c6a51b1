package com.fortinet.marketplace.points;

/** What moved points; the sign of a ledger row follows from its kind. */
public enum LedgerKind {
    PACK_REGISTERED("Pack registered", true),
    ORDER_CHARGED("Order charged", false),
    FLEX_TRANSFER("FortiFlex transfer", false),
    PACK_EXPIRED("Pack expired", false),
    ORDER_REVERSED("Order reversed", true);

    private final String label;
    private final boolean credit;

    LedgerKind(String label, boolean credit) {
        this.label = label;
        this.credit = credit;
    }

    public String label() {
        return label;
    }

    public boolean isCredit() {
        return credit;
    }

    /** Kinds a caller may pass to {@link SpendingService#spend}: expiry is written by the engine itself. */
    public boolean isSpend() {
        return this == ORDER_CHARGED || this == FLEX_TRANSFER;
    }
}
