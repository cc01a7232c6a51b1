package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.web.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DESIGN §5 definitions as plain code, table-driven. */
class RenewalDefinitionsTest {

    @ParameterizedTest(name = "end {0}, successor {1}, today {2} → {3}")
    @CsvSource({
            // renewed whatever the dates: a backdated renewal counts
            "2026-05-01, true,  2026-06-15, RENEWED",
            "2026-07-01, true,  2026-06-15, RENEWED",
            "2025-01-01, true,  2026-06-15, RENEWED",
            // end still ahead: not ended yet
            "2026-06-16, false, 2026-06-15, OPEN",
            "2027-01-01, false, 2026-06-15, OPEN",
            // coverage is [start, end): on the end date it has ended; 0..10 days after: in grace
            "2026-06-15, false, 2026-06-15, IN_GRACE",
            "2026-06-14, false, 2026-06-15, IN_GRACE",
            "2026-06-05, false, 2026-06-15, IN_GRACE",
            // 11 days and more: expired
            "2026-06-04, false, 2026-06-15, EXPIRED",
            "2025-06-15, false, 2026-06-15, EXPIRED",
            // across a month and a leap day
            "2028-02-20, false, 2028-03-01, IN_GRACE",
            "2028-02-19, false, 2028-03-01, EXPIRED",
    })
    void status(LocalDate end, boolean successor, LocalDate today, RenewalStatus expected) {
        assertThat(RenewalStatus.of(end, successor, today)).isEqualTo(expected);
        if (!successor && expected != RenewalStatus.OPEN) {
            // the SQL boundary: in grace iff end >= graceFrom(today)
            assertThat(!end.isBefore(RenewalStatus.graceFrom(today))).isEqualTo(expected == RenewalStatus.IN_GRACE);
        }
    }

    @ParameterizedTest(name = "renewed {0} (any channel {1}), expired {2} → {3}")
    @CsvSource({
            "0, 0, 0, —",
            "0, 0, 5, 0.0 %",
            "5, 5, 0, 100.0 %",
            "3, 3, 2, 60.0 %",
            "2, 3, 2, 40.0 %",
            "1, 3, 2, 20.0 %",
            "1, 1, 2, 33.3 %",
            "2, 2, 1, 66.7 %",
            "1, 1, 7, 12.5 %",
            "999, 999, 1, 99.9 %",
    })
    void rate(long renewed, long renewedAny, long expired, String expected) {
        RtsFigures f = new RtsFigures(renewedAny + expired, renewed, 0, renewedAny, 0, 0, 0, 0, expired, 0, 0, 0);
        assertThat(f.rateText()).isEqualTo(expected);
        if (renewedAny + expired == 0) {
            assertThat(f.rate()).isNull();
            assertThat(f.ratePercent()).isNull();
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} → {4} – {5} ({6})")
    @CsvSource(nullValues = "null", value = {
            "2026-07-01, 2026-09-30, null,    null,    2026-07-01, 2026-09-30, Q3 2026",
            "null,       null,       2026-02, null,    2026-02-01, 2026-02-28, February 2026",
            "null,       null,       2028-02, null,    2028-02-01, 2028-02-29, February 2028",
            "null,       null,       null,    2026-Q4, 2026-10-01, 2026-12-31, Q4 2026",
            "null,       null,       null,    2026-q1, 2026-01-01, 2026-03-31, Q1 2026",
            "null,       null,       null,    null,    2026-04-01, 2026-06-30, Q2 2026",
            "2026-05-10, 2026-05-10, null,    null,    2026-05-10, 2026-05-10, 2026-05-10 – 2026-05-10",
            "2026-01-01, 2026-12-31, 2020-01, 2020-Q1, 2026-01-01, 2026-12-31, 2026-01-01 – 2026-12-31",
    })
    void period(String from, String to, String month, String quarter, LocalDate f, LocalDate t, String label) {
        Period p = Period.parse(from, to, month, quarter, LocalDate.of(2026, 5, 20));
        assertThat(p.from()).isEqualTo(f);
        assertThat(p.to()).isEqualTo(t);
        assertThat(p.label()).isEqualTo(label);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} → 400 on {4}")
    @CsvSource(nullValues = "null", value = {
            "2026-07-01, null,       null,    null,    to",
            "null,       2026-07-01, null,    null,    from",
            "2026-09-30, 2026-07-01, null,    null,    to",
            "2026-13-01, 2026-12-01, null,    null,    from",
            "2026-07-01, 2036-07-31, null,    null,    to",
            "null,       null,       2026-13, null,    month",
            "null,       null,       null,    2026-Q5, quarter",
            "null,       null,       null,    Q3,      quarter",
    })
    void badPeriod(String from, String to, String month, String quarter, String field) {
        assertThatThrownBy(() -> Period.parse(from, to, month, quarter, LocalDate.of(2026, 5, 20)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest
    @CsvSource({"2026-09-30, 2025-10-01, 2026-09-30", "2026-01-15, 2025-02-01, 2026-01-31"})
    void trendIsTheTwelveMonthsEndingWithThePeriod(LocalDate to, LocalDate from12, LocalDate to12) {
        Period y = new Period(to.minusDays(3), to).trailingYear();
        assertThat(y.from()).isEqualTo(from12);
        assertThat(y.to()).isEqualTo(to12);
    }

    @ParameterizedTest
    @CsvSource({"0, 100", "99, 100", "100, 100", "101, 200", "1999, 2000", "2001, 5000", "5001, 10000", "73000, 100000"})
    void chartAxisRoundsUp(long max, long top) {
        assertThat(TrendChart.niceCeiling(max)).isEqualTo(top);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "25, 25", "250, 250", "1000, 1k", "1250, 1.25k", "2500, 2.5k", "3750, 3.75k", "12500, 12.5k",
            "2000000, 2M", "1250000, 1.25M"})
    void chartAxisLabelsAreExact(long v, String label) {
        assertThat(TrendChart.compact(v)).isEqualTo(label);
    }
}
