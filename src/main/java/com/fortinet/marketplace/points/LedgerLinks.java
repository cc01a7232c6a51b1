package com.fortinet.marketplace.points;

import java.util.List;
import java.util.Map;

/**
 * Where a ledger row's reference leads (the order, the FortiFlex transfer, the pack): each feature that writes ledger
 * rows says where its rows lead, so the ledger page can link every reference without knowing the features.
 */
public interface LedgerLinks {

    /** Entry id → page path, for the entries of {@code accountId}'s ledger this feature knows. */
    Map<Long, String> links(long accountId, List<LedgerEntry> entries);
}
