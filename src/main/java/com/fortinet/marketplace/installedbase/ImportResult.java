package com.fortinet.marketplace.installedbase;

import java.util.List;

/** An all-or-nothing import: either everything was written, or nothing and the errors say which lines to fix. */
public record ImportResult(int rows, int created, int contracts, List<String> errors) {
    public boolean ok() {
        return errors.isEmpty();
    }
}
