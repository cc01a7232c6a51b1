package com.fortinet.marketplace.orders;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoTermTest {

    @ParameterizedTest(name = "T={0} E={1} D={2} annual={3} → start {4}, {5} days, {6} points")
    @CsvSource({
            // today,    current end, target D,  annual, start,      days, points
            "2026-11-25, 2027-03-01, 2027-06-01, 1000, 2027-03-01, 92,   253",   // 252.05 rounds up
            "2026-11-25,           , 2027-11-25, 1000, 2026-11-25, 365,  1000",  // never covered: from today
            "2026-11-25, 2026-10-09, 2027-10-09, 1000, 2026-10-09, 365,  1000",  // backdated 47 days
            "2026-11-25, 2026-11-20, 2027-01-01, 1000, 2026-11-25, 37,   102",   // in grace: from today
            "2026-11-25,           , 2026-12-05, 365,  2026-11-25, 10,   10",    // exact, no rounding
            "2026-11-25,           , 2026-11-26, 1,    2026-11-25, 1,    1",     // 1/365 rounds up to 1
            "2026-11-25,           , 2026-11-26, 0,    2026-11-25, 1,    0",
            "2026-11-25,           , 2031-11-25, 1000, 2026-11-25, 1826, 5003",  // exactly 5 years: allowed
            "2026-11-25, 2024-01-01, 2027-01-01, 2345, 2026-05-29, 217,  1395",  // backdate capped at 180 days
            "2026-11-25, 2027-01-31, 2027-02-28, 1299, 2027-01-31, 28,   100",   // month end
            "2026-11-25,           , 2028-02-29, 4999, 2026-11-25, 461,  6314",  // to a leap day
    })
    void prorates(LocalDate today, LocalDate currentEnd, LocalDate target, long annual, LocalDate start, long days,
                  long points) {
        assertThat(CoTerm.refusal(currentEnd, today, target)).isEmpty();
        CoTerm.Line line = CoTerm.price(currentEnd, today, target, annual);
        assertThat(line.start().date()).isEqualTo(start);
        assertThat(line.end()).isEqualTo(target);
        assertThat(line.days()).isEqualTo(days);
        assertThat(line.points()).isEqualTo(points);
    }

    @ParameterizedTest(name = "T={0} E={1} D={2} refused: {3}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-25 |            | 2026-11-25 | must be after today",
            "2026-11-25 |            | 2026-11-24 | must be after today",
            "2026-11-25 |            | 2031-11-26 | at most 5 years after the line's start 2026-11-25",
            "2026-11-25 | 2026-10-09 | 2031-10-10 | at most 5 years after the line's start 2026-10-09",
            "2026-11-25 | 2027-03-01 | 2032-03-02 | at most 5 years after the line's start 2027-03-01",
            "2026-11-25 | 2027-03-01 |            | Choose the co-term end date",
    })
    void refuses(LocalDate today, LocalDate currentEnd, LocalDate target, String message) {
        assertThat(CoTerm.refusal(currentEnd, today, target)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains(message);
    }

    @ParameterizedTest(name = "E={0} D={1} left out: {2}")
    @CsvSource(delimiter = '|', value = {
            // current end | target D   | left out because
            "2027-06-01    | 2027-06-01 | Left out: already covered until 2027-06-01, on or after the co-term date 2027-06-01",
            "2027-07-01    | 2027-06-01 | Left out: already covered until 2027-07-01",
            "2031-01-01    | 2027-06-01 | already covered until 2031-01-01",
            "2027-05-31    | 2027-06-01 | ",                                   // one day short: bought
            "2026-10-09    | 2027-06-01 | ",                                   // lapsed: bought (backdated)
            "              | 2027-06-01 | ",                                   // never covered: bought
            "2027-06-01    |            | ",                                   // no date: that is a refusal, not this
    })
    void linesAlreadyCoveredToTheDateAreLeftOut(LocalDate currentEnd, LocalDate target, String reason) {
        var leftOut = CoTerm.leftOut(currentEnd, target);
        if (reason == null) {
            assertThat(leftOut).isEmpty();
        } else {
            assertThat(leftOut).get(org.assertj.core.api.InstanceOfAssertFactories.STRING).contains(reason);
            // a left-out line is not a refusal: the rest of the order goes ahead
            assertThat(CoTerm.refusal(currentEnd, LocalDate.parse("2026-11-25"), target)).isEmpty();
        }
    }

    @ParameterizedTest(name = "ends {0} → default {1}")
    @CsvSource(delimiter = '|', value = {
            "2027-03-01,2027-06-01,          | 2027-06-01",
            "2026-10-01,2027-01-15           | 2027-01-15",
            "2026-10-01,2026-11-25           | ",             // latest end is today: no default
            "                                | ",
    })
    void defaultTargetIsLatestEndAfterToday(String ends, LocalDate expected) {
        List<LocalDate> list = ends == null ? List.of()
                : Arrays.stream(ends.split(",")).filter(s -> !s.isBlank()).map(LocalDate::parse).toList();
        assertThat(CoTerm.defaultTarget(list, LocalDate.parse("2026-11-25")).orElse(null)).isEqualTo(expected);
    }
}
