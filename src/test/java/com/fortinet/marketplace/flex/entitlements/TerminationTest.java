package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexProgramType;
import com.fortinet.marketplace.web.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TerminationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final FlexProgram PROGRAM = new FlexProgram(1, 1, FlexProgramType.PREPAID, "ELAVMR0000000101",
            LocalDate.of(2026, 1, 10), LocalDate.of(2029, 1, 10), Instant.EPOCH);

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource({
            // user-defined: after today, at most the program's end
            "2026-11-26, 2026-11-26",
            "2027-06-30, 2027-06-30",
            "2029-01-10, 2029-01-10",
            // follow the program
            ",           2029-01-10",
            // refused
            "2026-11-25, -",
            "2026-11-24, -",
            "2020-01-01, -",
            "2029-01-11, -",
            "2035-01-01, -",
    })
    void endDate(LocalDate chosen, String expected) {
        Termination t = Termination.of(chosen);
        if (expected.equals("-")) {
            assertThatThrownBy(() -> t.endDate(PROGRAM, TODAY, "endDate")).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("endDate");
        } else {
            assertThat(t.endDate(PROGRAM, TODAY, "endDate")).isEqualTo(LocalDate.parse(expected));
            assertThat(t.followsProgram()).isEqualTo(chosen == null);
        }
    }
}
