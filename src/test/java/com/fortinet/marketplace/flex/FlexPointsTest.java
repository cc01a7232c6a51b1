package com.fortinet.marketplace.flex;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlexPointsTest {

    @ParameterizedTest(name = "{0} → {1} hundredths, shown {2}, signed {3}")
    @CsvSource(delimiter = '|', value = {
            "0             | 0           | 0.00           | 0.00",
            "0.01          | 1           | 0.01           | +0.01",
            "6.39          | 639         | 6.39           | +6.39",
            "12.9          | 1290        | 12.90          | +12.90",
            "1000          | 100000      | 1,000.00       | +1,000.00",
            "1234567.89    | 123456789   | 1,234,567.89   | +1,234,567.89",
            "-6.39         | -639        | -6.39          | -6.39",
            "-0.01         | -1          | -0.01          | -0.01",
            "1E+3          | 100000      | 1,000.00       | +1,000.00",
            "92233720368547758.07 | 9223372036854775807 | 92,233,720,368,547,758.07 | +92,233,720,368,547,758.07",
    })
    void exactHundredths(String decimal, long hundredths, String shown, String signed) {
        FlexPoints p = FlexPoints.of(new BigDecimal(decimal));
        assertThat(p.hundredths()).isEqualTo(hundredths);
        assertThat(p.display()).isEqualTo(shown);
        assertThat(p.signed()).isEqualTo(signed);
        assertThat(p.toBigDecimal().scale()).isEqualTo(2);
        assertThat(p.toBigDecimal().compareTo(new BigDecimal(decimal))).isZero();
    }

    @ParameterizedTest(name = "{0} is refused, never rounded")
    @CsvSource({"0.001", "6.395", "1E-3", "92233720368547758.08", "1E+30"})
    void moreThanTwoDecimalsOrTooLargeIsRefused(String decimal) {
        assertThatThrownBy(() -> FlexPoints.of(new BigDecimal(decimal))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arithmeticIsExactAndOverflowFails() {
        // 0.1 + 0.2 in floating point is 0.30000000000000004; here it is 0.30.
        assertThat(FlexPoints.parse("0.10").plus(FlexPoints.parse("0.20"))).isEqualTo(FlexPoints.parse("0.30"));
        // a year of a 6.39-points day
        assertThat(FlexPoints.parse("6.39").times(365)).isEqualTo(FlexPoints.parse("2332.35"));
        assertThat(FlexPoints.parse("1.01").halfRoundedDown()).isEqualTo(FlexPoints.parse("0.50"));
        assertThat(FlexPoints.parse("0.01").halfRoundedDown()).isEqualTo(FlexPoints.ZERO);
        assertThatThrownBy(() -> new FlexPoints(Long.MAX_VALUE).plus(new FlexPoints(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> FlexPoints.parse("-1").halfRoundedDown()).isInstanceOf(IllegalStateException.class);
        assertThat(FlexPoints.ofNullable(null)).isEqualTo(FlexPoints.ZERO);
    }

    /** API amounts (DESIGN §7) are JSON numbers with two decimals. */
    @Test
    void jsonIsANumberWithTwoDecimals() {
        String json = JsonMapper.builder().build().writeValueAsString(Map.of("balance", FlexPoints.parse("1200"),
                "usage", FlexPoints.parse("-6.39")));
        assertThat(json).contains("\"balance\":1200.00").contains("\"usage\":-6.39");
    }
}
