package com.fortinet.marketplace.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @ParameterizedTest(name = "{0} → {1} / {2} / {3}")
    @CsvSource(delimiter = '|', value = {
            "0          | 0             | 0 days             | 0 points",
            "1          | 1             | 1 day              | 1 point",
            "2          | 2             | 2 days             | 2 points",
            "-1         | -1            | -1 day             | -1 point",
            "1049       | 1,049         | 1,049 days         | 1,049 points",
            "1550       | 1,550         | 1,550 days         | 1,550 points",
            "1000000    | 1,000,000     | 1,000,000 days     | 1,000,000 points",
            "-12000     | -12,000       | -12,000 days       | -12,000 points",
    })
    void numbersAndCounts(long n, String num, String days, String points) {
        assertThat(Formats.num(n)).isEqualTo(num);
        assertThat(Formats.days(n)).isEqualTo(days);
        assertThat(Formats.points(n)).isEqualTo(points);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // every instant in Fortinet's business time zone, with PST or PDT as it was that day
            "2026-11-25T18:00:00Z | 2026-11-25 10:00 PST | 10:00 PST | 2026-11-25",
            "2026-11-26T07:59:00Z | 2026-11-25 23:59 PST | 23:59 PST | 2026-11-25",   // next day in UTC, same business day
            "2026-11-26T08:00:00Z | 2026-11-26 00:00 PST | 00:00 PST | 2026-11-26",
            "2026-07-01T12:00:00Z | 2026-07-01 05:00 PDT | 05:00 PDT | 2026-07-01",
            "2026-03-08T10:30:00Z | 2026-03-08 03:30 PDT | 03:30 PDT | 2026-03-08",   // the spring change
            "2026-11-01T08:30:00Z | 2026-11-01 01:30 PDT | 01:30 PDT | 2026-11-01",   // before the autumn change
            "2026-11-01T09:30:00Z | 2026-11-01 01:30 PST | 01:30 PST | 2026-11-01",   // after it
    })
    void timesAreShownInTheBusinessTimeZone(Instant at, String time, String timeOfDay, String date) {
        assertThat(Formats.time(at)).isEqualTo(time);
        assertThat(Formats.timeOfDay(at)).isEqualTo(timeOfDay);
        assertThat(Formats.dateOf(at)).isEqualTo(date);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "COMPLETED | Completed",
            "IN_GRACE  | In grace",
            "RENEW     | Renew",
            "x         | X",
    })
    void codesAsWords(String code, String words) {
        assertThat(Formats.words(code)).isEqualTo(words);
    }

    @org.junit.jupiter.api.Test
    void missingValuesShowADash() {
        assertThat(Formats.num(null)).isEqualTo("—");
        assertThat(Formats.time(null)).isEqualTo("—");
        assertThat(Formats.date((LocalDate) null)).isEqualTo("—");
        assertThat(Formats.words(null)).isEqualTo("—");
        assertThat(Formats.date(LocalDate.parse("2027-03-25"))).isEqualTo("2027-03-25");
    }
}
