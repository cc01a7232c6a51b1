package com.fortinet.marketplace.installedbase;

import java.util.List;
import java.util.Map;

/**
 * An extra column of the Units page contributed by another feature (e.g. FortiFlex shows a unit's hardware
 * entitlement), so this package needn't know that feature. Shown only when some unit of the page has a cell.
 */
public interface UnitColumn {

    String title();

    /** Cells by unit id, for the units of one page of one account. */
    Map<Long, Cell> cells(long accountId, List<Unit> units);

    /** {@code badge}: a CSS badge class; {@code href}: where the cell links to (may be null). */
    record Cell(String text, String badge, String note, String href) {
    }
}
