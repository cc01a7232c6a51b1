package com.fortinet.marketplace.flex;

/** Rows of a program's own FortiFlex points ledger. */
public enum FlexLedgerKind {
    TRANSFER_IN("Transfer from FortiPoints"),
    /** A FortiFlex points pack registered onto the program; counts for roll-over like a transfer. */
    PACK_IN("FortiFlex points pack"),
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

    /** Points added to the program (roll-over decides how much of them carries over by the day they were added). */
    public boolean isCredit() {
        return this == TRANSFER_IN || this == PACK_IN;
    }
}
