package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.points.LedgerEntry;
import com.fortinet.marketplace.points.LedgerKind;
import com.fortinet.marketplace.points.LedgerLinks;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Order charges (and reversals) carry the transaction number: they lead to the order. */
@Component
class OrderLedgerLinks implements LedgerLinks {

    @Override
    public Map<Long, String> links(long accountId, List<LedgerEntry> entries) {
        Map<Long, String> links = new HashMap<>();
        for (LedgerEntry e : entries) {
            if ((e.kind() == LedgerKind.ORDER_CHARGED || e.kind() == LedgerKind.ORDER_REVERSED)
                    && e.reference() != null && e.reference().startsWith("FMP-")) {
                links.put(e.id(), "/accounts/" + accountId + "/orders/" + e.reference());
            }
        }
        return links;
    }
}
