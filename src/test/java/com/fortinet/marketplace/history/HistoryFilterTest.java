package com.fortinet.marketplace.history;

import com.fortinet.marketplace.web.FormErrors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryFilterTest {

    @ParameterizedTest(name = "from={0} to={1} type={2}")
    @CsvSource(delimiter = '|', value = {
            // from      | to         | type          | kept from | kept to    | kept type     | orders | transfers | error field
            "            |            |               |           |            |               | true   | true      | ",
            "2026-01-01  | 2026-12-31 |               | 2026-01-01| 2026-12-31 |               | true   | true      | ",
            " 2026-01-01 |            | renew         | 2026-01-01|            | RENEW         | true   | false     | ",
            "            |            | FLEX_TRANSFER |           |            | FLEX_TRANSFER | false  | true      | ",
            "            |            | UPGRADE       |           |            | UPGRADE       | true   | false     | ",
            "2026-13-01  |            |               |           |            |               | true   | true      | from",
            "yesterday   | 2026-02-01 |               |           | 2026-02-01 |               | true   | true      | from",
            "2026-01-01  | 2026-02-30 |               | 2026-01-01|            |               | true   | true      | to",
            "2026-03-01  | 2026-02-01 |               | 2026-03-01|            |               | true   | true      | to",
            "            |            | PO            |           |            |               | true   | true      | type",
    })
    void readsTheFiltersAndReportsABadOneAtItsField(String from, String to, String type, String keptFrom, String keptTo,
                                                   HistoryType keptType, boolean orders, boolean transfers, String errorField) {
        FormErrors errors = new FormErrors();
        HistoryFilter f = HistoryFilter.parse(from, to, type, errors);
        assertThat(f.from() == null ? null : f.from().toString()).isEqualTo(keptFrom);
        assertThat(f.to() == null ? null : f.to().toString()).isEqualTo(keptTo);
        assertThat(f.type()).isEqualTo(keptType);
        assertThat(f.orders()).isEqualTo(orders);
        assertThat(f.transfers()).isEqualTo(transfers);
        if (errorField == null) {
            assertThat(errors.isEmpty()).isTrue();
        } else {
            assertThat(errors.all()).containsOnlyKeys(errorField);
        }
    }
}
