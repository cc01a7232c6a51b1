package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.installedbase.Unit;
import com.fortinet.marketplace.installedbase.UnitColumn;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Units page's FortiFlex column: a unit's hardware entitlement, its status and configuration. */
@Component
class FlexUnitColumn implements UnitColumn {

    private final EntitlementService entitlements;

    FlexUnitColumn(EntitlementService entitlements) {
        this.entitlements = entitlements;
    }

    @Override
    public String title() {
        return "FortiFlex";
    }

    @Override
    public Map<Long, Cell> cells(long accountId, List<Unit> units) {
        Map<Long, Cell> out = new HashMap<>();
        entitlements.ofUnits(units.stream().map(Unit::id).toList()).forEach((unitId, row) -> {
            Entitlement e = row.entitlement();
            if (e.accountId() == accountId) {
                out.put(unitId, new Cell(e.status().name(), e.status().badge(), row.configName(),
                        "/accounts/" + accountId + "/flex/entitlements/" + e.serialNumber()));
            }
        });
        return out;
    }
}
