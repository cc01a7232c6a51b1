package com.fortinet.marketplace.forticare;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ContinuousServicePolicyTest {

    @ParameterizedTest(name = "{0}: T={1} E={2} term={3} → [{4}, {5}) {6}, backdated {7}, forward {8}")
    @CsvSource({
            // case,                     today,      current end, term, start,      end,        basis,           backdated, forward
            "lapsed 0 days,              2026-11-25, 2026-11-25, 12, 2026-11-25, 2027-11-25, CONTINUES,       0,   365",
            "lapsed 0 days 36,           2026-11-25, 2026-11-25, 36, 2026-11-25, 2029-11-25, CONTINUES,       0,   1096",
            "lapsed 0 days 60,           2026-11-25, 2026-11-25, 60, 2026-11-25, 2031-11-25, CONTINUES,       0,   1826",
            "lapsed 1 day,               2026-11-25, 2026-11-24, 12, 2026-11-25, 2027-11-25, GRACE,           0,   365",
            "lapsed 10 days,             2026-11-25, 2026-11-15, 12, 2026-11-25, 2027-11-25, GRACE,           0,   365",
            "lapsed 10 days 60,          2026-11-25, 2026-11-15, 60, 2026-11-25, 2031-11-25, GRACE,           0,   1826",
            "lapsed 11 days,             2026-11-25, 2026-11-14, 12, 2026-11-14, 2027-11-14, BACKDATED,       11,  354",
            "lapsed 11 days 36,          2026-11-25, 2026-11-14, 36, 2026-11-14, 2029-11-14, BACKDATED,       11,  1085",
            "lapsed 11 days 60,          2026-11-25, 2026-11-14, 60, 2026-11-14, 2031-11-14, BACKDATED,       11,  1815",
            "lapsed 47 days,             2026-11-25, 2026-10-09, 12, 2026-10-09, 2027-10-09, BACKDATED,       47,  318",
            "lapsed 179 days,            2026-11-25, 2026-05-30, 12, 2026-05-30, 2027-05-30, BACKDATED,       179, 186",
            "lapsed 180 days,            2026-11-25, 2026-05-29, 12, 2026-05-29, 2027-05-29, BACKDATED,       180, 185",
            "lapsed 181 days,            2026-11-25, 2026-05-28, 12, 2026-05-29, 2027-05-29, BACKDATE_CAPPED, 180, 185",
            "lapsed 181 days 36,         2026-11-25, 2026-05-28, 36, 2026-05-29, 2029-05-29, BACKDATE_CAPPED, 180, 916",
            "lapsed 181 days 60,         2026-11-25, 2026-05-28, 60, 2026-05-29, 2031-05-29, BACKDATE_CAPPED, 180, 1646",
            "lapsed 900 days,            2026-11-25, 2024-06-08, 12, 2026-05-29, 2027-05-29, BACKDATE_CAPPED, 180, 185",
            "not lapsed,                 2026-11-25, 2027-03-01, 12, 2027-03-01, 2028-03-01, CONTINUES,       0,   462",
            "not lapsed 36,              2026-11-25, 2027-03-01, 36, 2027-03-01, 2030-03-01, CONTINUES,       0,   1192",
            "ends tomorrow,              2026-11-25, 2026-11-26, 60, 2026-11-26, 2031-11-26, CONTINUES,       0,   1827",
            "never covered,              2026-11-25,           , 12, 2026-11-25, 2027-11-25, NEW,             0,   365",
            "never covered 36,           2026-11-25,           , 36, 2026-11-25, 2029-11-25, NEW,             0,   1096",
            "never covered 60,           2026-11-25,           , 60, 2026-11-25, 2031-11-25, NEW,             0,   1826",
            "leap-day start,             2024-02-29,           , 12, 2024-02-29, 2025-02-28, NEW,             0,   365",
            "leap-day start 36,          2024-02-29,           , 36, 2024-02-29, 2027-02-28, NEW,             0,   1095",
            "leap-day start 60,          2024-02-29,           , 60, 2024-02-29, 2029-02-28, NEW,             0,   1826",
            "month-end plusMonths,       2025-01-01, 2025-01-31, 1,  2025-01-31, 2025-02-28, CONTINUES,       0,   58",
            "Dec-31 lapsed in grace,     2025-01-10, 2024-12-31, 12, 2025-01-10, 2026-01-10, GRACE,           0,   365",
            "leap-day end lapsed 10,     2024-03-10, 2024-02-29, 12, 2024-03-10, 2025-03-10, GRACE,           0,   365",
            "leap-day end backdated,     2024-03-11, 2024-02-29, 12, 2024-02-29, 2025-02-28, BACKDATED,       11,  354",
            "leap-day end backdated 180, 2024-08-27, 2024-02-29, 12, 2024-02-29, 2025-02-28, BACKDATED,       180, 185",
    })
    void renewal(String name, LocalDate today, LocalDate currentEnd, int term, LocalDate start, LocalDate end,
                 ContinuousServicePolicy.Basis basis, long backdated, long forward) {
        var r = ContinuousServicePolicy.renew(currentEnd, today, term);
        assertThat(r.startDate()).as("start").isEqualTo(start);
        assertThat(r.end()).as("end").isEqualTo(end);
        assertThat(r.start().basis()).as("basis").isEqualTo(basis);
        assertThat(r.backdatedDays()).as("backdated days").isEqualTo(backdated);
        assertThat(r.forwardDays()).as("forward days").isEqualTo(forward);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2026-10-09 | backdated 47 days to 2026-10-09 under the Continuous Service Policy",
            "2026-11-24 | lapsed 1 day ago, within the 10-day grace period: starts today, nothing backdated",
            "2026-11-15 | lapsed 10 days ago, within the 10-day grace period: starts today, nothing backdated",
            "2027-01-31 | continues the current contract from 2027-01-31, nothing backdated",
            "2024-06-08 | lapsed 900 days ago: backdated 180 days to 2026-05-29, the most the Continuous Service Policy allows",
            "           | no earlier coverage: starts today, 2026-11-25",
    })
    void explanationInPlainWords(LocalDate currentEnd, String expected) {
        LocalDate today = LocalDate.parse("2026-11-25");
        assertThat(ContinuousServicePolicy.explain(ContinuousServicePolicy.start(currentEnd, today), today))
                .isEqualTo(expected);
    }
}
