package com.fortinet.marketplace.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChartAxisTest {

    @ParameterizedTest
    @CsvSource({
            "0, 1", "1, 1", "2, 2", "3, 5", "5, 5", "6, 10", "10, 10", "11, 20", "19, 20", "21, 50", "50, 50",
            "51, 100", "99, 100", "101, 200", "17500, 20000", "20001, 50000", "50001, 100000", "999999, 1000000"})
    void theAxisTopIsTheNextRoundNumber(long value, long top) {
        assertThat(ChartAxis.niceCeiling(value)).isEqualTo(top);
    }
}
