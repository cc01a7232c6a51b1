package com.fortinet.marketplace.flex.catalog;

import com.fortinet.marketplace.web.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RateRowsTest {

    @ParameterizedTest(name = "[{index}] {0} | {1} | {2} | {3}")
    @CsvSource(delimiter = '|', value = {
            // kind | conditions | per | points → canonical conditions | per | points
            "BASE | 1=2;2=ENT     |    | 6.39    | 1=2;2=ENT | 0  | 6.39",
            "base | 2=ent;1=2     |    | 6.39    | 1=2;2=ENT | 0  | 6.39",
            "ADD  |               | 10 | 0.11    |           | 10 | 0.11",
            "ADD  | 43=fgtavdb    | 0  | .4      | 43=FGTAVDB | 0 | 0.40",
            "ADD  | 1=02;         |    | 1,000.5 | 1=2       | 0  | 1000.50",
            "BASE | 1=96;2=FC     |    | 0       | 1=96;2=FC | 0  | 0.00",
            "BASE | 1=2;2=ENT     |    | 99999999.99 | 1=2;2=ENT | 0 | 99999999.99",
    })
    void accepted(String kind, String conditions, String per, String points, String canonical, int perId, String value) {
        RateRows.Row row = RateRows.parse(TestCatalog.fortiGateVm(), kind, conditions, per, points);
        assertThat(row.conditions()).isEqualTo(canonical == null ? "" : canonical);
        assertThat(row.perParameterId()).isEqualTo(perId);
        assertThat(row.pointsPerDay()).isEqualByComparingTo(value);
        assertThat(row.pointsPerDay().scale()).isEqualTo(2);
    }

    @ParameterizedTest(name = "[{index}] {0} | {1} | {2} | {3} → {4}")
    @CsvSource(delimiter = '|', value = {
            "GOLD | 1=2;2=ENT |    | 6.39   | kind",
            "BASE | 1=97;2=ENT |   | 6.39   | conditions",
            "BASE | 1=2;2=GOLD |   | 6.39   | conditions",
            "BASE | 7=1       |    | 6.39   | conditions",
            "BASE | cpu=2     |    | 6.39   | conditions",
            "BASE | 1         |    | 6.39   | conditions",
            "BASE | 1=2;1=3   |    | 6.39   | conditions",
            "ADD  |           | 2  | 0.11   | perParameterId",
            "ADD  |           | 99 | 0.11   | perParameterId",
            "ADD  |           | x  | 0.11   | perParameterId",
            "BASE | 1=2;2=ENT |    | 6.391  | pointsPerDay",
            "BASE | 1=2;2=ENT |    | -1     | pointsPerDay",
            "BASE | 1=2;2=ENT |    | six    | pointsPerDay",
            "BASE | 1=2;2=ENT |    |        | pointsPerDay",
            "BASE | 1=2;2=ENT |    | 100000000 | pointsPerDay",
    })
    void refused(String kind, String conditions, String per, String points, String field) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> RateRows.parse(TestCatalog.fortiGateVm(), kind, conditions, per, points));
        assertThat(e).isNotNull();
        assertThat(e.field()).isEqualTo(field);
    }
}
