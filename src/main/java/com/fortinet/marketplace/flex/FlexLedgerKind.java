package com.fortinet.marketplace.flex;

/** Rows of a program's own FortiFlex points ledger. */
public enum FlexLedgerKind {
    TRANSFER_IN("Transfer from FortiPoints"),
    USAGE("Daily consumption"),
    /** Records what was carried into the new program year; it does not change the balance (points = 0). */
    ROLL_OVER("Roll-over"),
    FORFEIT("Forfeited at anniversary");

    private final String label;

    FlexLedgerKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
