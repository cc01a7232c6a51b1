package com.fortinet.marketplace.flex.calculator;

import com.fortinet.marketplace.flex.FlexPoints;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calculator's runway: how many whole days a prepaid balance pays for, and the day it runs out. */
class RunwayTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @ParameterizedTest(name = "balance {0} at {1}/day → {2} days, runs out {3}")
    @CsvSource(nullValues = "never", textBlock = """
            # balance,   per day,  days,  runs out on
            12000.00,    6.39,     1877,  2032-01-15
            6.39,        6.39,     1,     2026-11-26
            6.38,        6.39,     0,     2026-11-25
            6.40,        6.39,     1,     2026-11-26
            12.78,       6.39,     2,     2026-11-27
            12.77,       6.39,     1,     2026-11-26
            0.01,        0.01,     1,     2026-11-26
            10000.00,    0.03,     333333, 2939-07-15
            100.00,      25.56,    3,     2026-11-28
            0.00,        6.39,     0,     2026-11-25
            -12.50,      6.39,     0,     2026-11-25
            0.00,        0.00,     0,     2026-11-25
            -0.01,       0.00,     0,     2026-11-25
            500.00,      0.00,     never, never
            0.01,        0.00,     never, never
            """)
    void daysAndRunOutDate(String balance, String perDay, Long days, String runsOut) {
        Runway r = Runway.of(FlexPoints.parse(balance), FlexPoints.parse(perDay), TODAY);
        assertThat(r.days()).isEqualTo(days);
        assertThat(r.runOutDate()).isEqualTo(runsOut == null ? null : LocalDate.parse(runsOut));
        assertThat(r.never()).isEqualTo(days == null);
    }

    @ParameterizedTest
    @CsvSource({"100.00, -0.01", "0.00, -6.39"})
    void aNegativeDailyCostIsAProgrammingError(String balance, String perDay) {
        assertThatThrownBy(() -> Runway.of(FlexPoints.parse(balance), FlexPoints.parse(perDay), TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
