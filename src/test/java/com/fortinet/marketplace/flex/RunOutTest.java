package com.fortinet.marketplace.flex;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class RunOutTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @ParameterizedTest(name = "balance {0}, last 7 days {1} → burn {2}, runs out {3}")
    @CsvSource({
            // balance,  last 7 days, burn,   runs out (days from today; blank: never)
            "1000.00,    700.00,      100.00, 10",
            "1000.00,    0,           0.00,   ",
            "0.00,       700.00,      100.00, 0",
            "-5.00,      0,           0.00,   0",
            "99.99,      700.00,      100.00, 0",
            "100.00,     700.00,      100.00, 1",
            // the burn is rounded down to the hundredth: 6.39 × 7 / 7 exactly; 1.00 / 7 = 0.1428… → 0.14
            "6.39,       44.73,       6.39,   1",
            "1.00,       1.00,        0.14,   7",
            "0.06,       0.06,        0.00,   ",
            "50000.00,   1807.12,     258.16, 193",
    })
    void runOut(String balance, String lastSevenDays, String burn, Integer days) {
        FlexPoints b = RunOut.burn(FlexPoints.parse(lastSevenDays));
        assertThat(b).isEqualTo(FlexPoints.parse(burn));
        assertThat(RunOut.date(FlexPoints.parse(balance), b, TODAY)).isEqualTo(days == null ? null : TODAY.plusDays(days));
    }
}
