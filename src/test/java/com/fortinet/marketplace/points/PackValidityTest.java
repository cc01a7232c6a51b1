package com.fortinet.marketplace.points;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PackValidityTest {

    @ParameterizedTest(name = "registered {0} → expires {1}")
    @CsvSource({
            "2026-01-15, 2029-01-15",
            "2026-11-25, 2029-11-25",
            "2026-12-31, 2029-12-31",
            "2027-01-01, 2030-01-01",
            // leap day: the third anniversary doesn't exist; the pack keeps its full three years
            "2024-02-29, 2027-03-01",
            "2028-02-29, 2031-03-01",
            "2024-02-28, 2027-02-28",
            "2024-03-01, 2027-03-01",
            // registered the day before a leap day, expiring in a leap year
            "2025-02-28, 2028-02-28",
            "2025-03-01, 2028-03-01",
    })
    void packsAreValidThreeYearsFromRegistration(LocalDate registered, LocalDate expires) {
        assertThat(PackValidity.expiresAt(registered)).isEqualTo(expires);
    }

    @ParameterizedTest(name = "expires {0}, today {1} → spendable {2}")
    @CsvSource({
            "2029-01-15, 2029-01-13, true",
            "2029-01-15, 2029-01-14, true",   // the day before expiry is the last spendable day
            "2029-01-15, 2029-01-15, false",  // expires ON its expiry date
            "2029-01-15, 2029-01-16, false",
            "2029-01-15, 2026-01-15, true",
            "2027-03-01, 2027-02-28, true",
            "2027-03-01, 2027-03-01, false",
    })
    void aPackExpiresOnItsExpiryDate(LocalDate expires, LocalDate today, boolean spendable) {
        assertThat(PackValidity.isSpendable(expires, today)).isEqualTo(spendable);
    }

    @ParameterizedTest(name = "remaining {0}, expires {1}, today {2} → {3}")
    @CsvSource({
            "500,  2029-01-15, 2026-01-15, ACTIVE",
            "500,  2026-04-15, 2026-01-15, EXPIRING_SOON", // exactly 90 days ahead
            "500,  2026-04-16, 2026-01-15, ACTIVE",        // 91 days ahead
            "500,  2026-01-16, 2026-01-15, EXPIRING_SOON",
            "0,    2026-01-16, 2026-01-15, USED_UP",
            "0,    2029-01-15, 2026-01-15, USED_UP",
            "500,  2026-01-15, 2026-01-15, EXPIRED",
            "0,    2026-01-14, 2026-01-15, EXPIRED",
    })
    void statusShowsWhatAUserCanStillDoWithThePack(long remaining, LocalDate expires, LocalDate today, PackStatus status) {
        assertThat(PackValidity.status(remaining, expires, today)).isEqualTo(status);
    }
}
