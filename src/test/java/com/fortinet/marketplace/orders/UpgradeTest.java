package com.fortinet.marketplace.orders;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class UpgradeTest {

    @ParameterizedTest(name = "T={0} E={1}: {2} → {3} costs {4}")
    @CsvSource({
            "2026-11-25, 2027-11-25, 1000, 1500, 500",
            "2026-11-25, 2026-11-26, 1000, 1500, 2",    // one day left: 1.37 rounds up
            "2026-11-25, 2027-05-24, 800,  2000, 592",
            "2026-11-25, 2027-01-01, 1000, 1000, 0",
            "2026-11-25, 2026-12-05, 365,  730,  10",
            "2026-11-25, 2029-02-28, 2999, 5599, 5884",
    })
    void costsTheDifferenceForTheRemainingDays(LocalDate today, LocalDate end, long from, long to, long cost) {
        assertThat(Upgrade.cost(from, to, today, end)).isEqualTo(cost);
    }

    @ParameterizedTest(name = "{0} → {1}, ends {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "FC247 | UTP   | 2027-01-01 | ",
            "FC247 | ATP   | 2027-01-01 | ",
            "ATP   | UTP   | 2027-01-01 | ",
            "UTP   | ENT   | 2027-01-01 | ",
            "FC247 | ENT   | 2026-11-26 | ",
            "ENT   | UTP   | 2027-01-01 | is not a higher tier than ENT",
            "UTP   | UTP   | 2027-01-01 | is not a higher tier than UTP",
            "UTP   | ATP   | 2027-01-01 | is not a higher tier than UTP",
            "PRMA  | ENT   | 2027-01-01 | PRMA can't be upgraded",
            "UTP   | ENT   | 2026-11-25 | a lapsed service must be renewed, not upgraded",
            "UTP   | ENT   | 2026-10-09 | a lapsed service must be renewed, not upgraded",
            "UTP   | ENT   |            | No UTP contract to upgrade",
            "UTP   |       | 2027-01-01 | Choose the service to upgrade to",
            // the real reason first: a lapsed service, even when no target was chosen (the marketplace's defaults)
            "UTP   |       | 2026-10-09 | UTP lapsed on 2026-10-09: a lapsed service must be renewed, not upgraded",
            "FC247 |       | 2026-11-25 | FC247 lapsed on 2026-11-25",
            "ENT   |       | 2026-10-09 | ENT lapsed on 2026-10-09",
            "ENT   |       | 2027-01-01 | ENT is already the highest tier",
            "PRMA  | ENT   | 2026-10-09 | PRMA can't be upgraded",
    })
    void refusals(String from, String to, LocalDate end, String message) {
        var refusal = Upgrade.refusal(from, to, end, LocalDate.parse("2026-11-25"));
        if (message == null) {
            assertThat(refusal).isEmpty();
        } else {
            assertThat(refusal).get(org.assertj.core.api.InstanceOfAssertFactories.STRING).contains(message);
        }
    }
}
