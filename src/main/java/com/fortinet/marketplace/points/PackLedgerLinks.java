package com.fortinet.marketplace.points;

import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pack rows (registered, expired) lead to the pack in the dashboard's pack table. */
@Component
class PackLedgerLinks implements LedgerLinks {

    @Override
    public Map<Long, String> links(long accountId, List<LedgerEntry> entries) {
        Map<Long, String> links = new HashMap<>();
        for (LedgerEntry e : entries) {
            if (e.packId() != null && (e.kind() == LedgerKind.PACK_REGISTERED || e.kind() == LedgerKind.PACK_EXPIRED)) {
                links.put(e.id(), "/accounts/" + accountId + "/points#pack-" + e.packId());
            }
        }
        return links;
    }
}
