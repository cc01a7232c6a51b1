package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.points.LedgerEntry;
import com.fortinet.marketplace.points.LedgerKind;
import com.fortinet.marketplace.points.LedgerLinks;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** FortiFlex transfer debits lead to the transfer's confirmation page (one query for the whole ledger page). */
@Component
class TransferLedgerLinks implements LedgerLinks {

    private final NamedParameterJdbcTemplate jdbc;

    TransferLedgerLinks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> links(long accountId, List<LedgerEntry> entries) {
        List<Long> ids = entries.stream().filter(e -> e.kind() == LedgerKind.FLEX_TRANSFER).map(LedgerEntry::id).toList();
        Map<Long, String> links = new HashMap<>();
        if (ids.isEmpty()) {
            return links;
        }
        jdbc.query("select id, points_ledger_entry_id from flex_transfers where account_id = :a and points_ledger_entry_id in (:ids)",
                Map.of("a", accountId, "ids", ids), rs -> {
                    links.put(rs.getLong(2), "/accounts/" + accountId + "/flex/transfers/" + rs.getLong(1));
                });
        return links;
    }
}
