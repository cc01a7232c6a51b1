package com.fortinet.marketplace.orders;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class EndOfSupportTest {

    @ParameterizedTest(name = "ends {0}, EoS {1}: refused {2}")
    @CsvSource(delimiter = '|', value = {
            // line end | End-of-Support | refused?
            "2030-01-05 | 2027-03-25     | true",    // the case: a 36-month renewal past EoS
            "2027-03-26 | 2027-03-25     | true",    // one day past
            "2027-03-25 | 2027-03-25     | false",   // ends on EoS: coverage [start, end) stops the day before
            "2027-03-24 | 2027-03-25     | false",
            "2026-12-01 | 2027-03-25     | false",
            "2030-01-05 |                | false",   // no End-of-Support date
            "           | 2027-03-25     | false",   // no end (refused elsewhere)
            "2028-02-29 | 2028-02-28     | true",    // leap day
    })
    void coverageNeverPassesEndOfSupport(LocalDate end, LocalDate eos, boolean refused) {
        var refusal = EndOfSupport.refusal(end, eos);
        assertThat(refusal.isPresent()).isEqualTo(refused);
        refusal.ifPresent(r -> assertThat(r).contains("End-of-Support date is " + eos)
                .contains("would end on " + end).contains("Co-term to a date on or before " + eos));
    }
}
