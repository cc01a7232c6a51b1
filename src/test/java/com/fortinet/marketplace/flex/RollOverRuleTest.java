package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.flex.RollOverRule.Credit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollOverRuleTest {

    private static final LocalDate YEAR_START = LocalDate.of(2026, 3, 1);

    /** credits: "day:points" separated by spaces, day 1 = the anniversary. */
    @ParameterizedTest(name = "[{index}] opening {0}, credits ''{1}'', consumed {2} → rolled {5}, forfeited {6}")
    @CsvSource({
            // opening, credits,                   consumed, unusedBefore180, unusedFrom180, rolled, forfeited
            "0,    '',                              0,    0,    0,    0,    0",
            "0,    '1:1000',                        0,    1000, 0,    500,  500",
            "0,    '178:1000',                      0,    1000, 0,    500,  500",
            "0,    '179:1000',                      0,    1000, 0,    500,  500",
            "0,    '180:1000',                      0,    0,    1000, 1000, 0",
            "0,    '181:1000',                      0,    0,    1000, 1000, 0",
            "0,    '365:1000',                      0,    0,    1000, 1000, 0",
            // odd numbers: the half is rounded down, the odd point is forfeited
            "0,    '10:1001',                       0,    1001, 0,    500,  501",
            "0,    '10:1',                          0,    1,    0,    0,    1",
            // the half is taken once over the total added before day 180, not per transfer
            "0,    '10:3 20:3',                     0,    6,    0,    3,    3",
            // several transfers in one year
            "0,    '10:1000 100:500 200:2000',      0,    1500, 2000, 2750, 750",
            "0,    '179:100 180:100 181:100',       0,    100,  200,  250,  50",
            // consumption takes the oldest added points first
            "0,    '10:1000 200:2000',              400,  600,  2000, 2300, 300",
            "0,    '10:1000 200:2000',              1000, 0,    2000, 2000, 0",
            "0,    '10:1000 200:2000',              1500, 0,    1500, 1500, 0",
            "0,    '10:1000 200:2000',              3000, 0,    0,    0,    0",
            "0,    '179:100 180:100',               50,   50,   100,  125,  25",
            "0,    '180:100 180:100',               150,  0,    50,   50,   0",
            // credits given out of day order are consumed by day
            "0,    '200:2000 10:1000',              400,  600,  2000, 2300, 300",
            // points carried over from last year count as added on day 1: used first, halved again if unused
            "800,  '190:1000',                      300,  500,  1000, 1250, 250",
            "800,  '190:1000',                      800,  0,    1000, 1000, 0",
            "5,    '',                              0,    5,    0,    2,    3",
            "500,  '',                              500,  0,    0,    0,    0",
            // huge numbers stay exact
            "0,    '1:4000000000000 300:4000000000001', 1, 3999999999999, 4000000000001, 6000000000000, 2000000000000",
    })
    void rollOver(long opening, String credits, long consumed, long before, long from, long rolled, long forfeited) {
        var r = RollOverRule.atAnniversary(YEAR_START, opening, credits(credits), consumed);
        assertThat(r.unusedAddedBeforeDay180()).as("unused added before day 180").isEqualTo(before);
        assertThat(r.unusedAddedFromDay180()).as("unused added from day 180").isEqualTo(from);
        assertThat(r.rolledOver()).as("rolled over").isEqualTo(rolled);
        assertThat(r.forfeited()).as("forfeited").isEqualTo(forfeited);
        assertThat(r.rolledOver() + r.forfeited()).isEqualTo(r.unused());
    }

    /** A program that started on 29 February 2024: day 180 of its first year is 26 August 2024. */
    @ParameterizedTest(name = "year from {0}, added {1}: rolled {2}")
    @CsvSource({
            "2024-02-29, 2024-08-25, 500",
            "2024-02-29, 2024-08-26, 1000",
            "2024-02-29, 2024-08-27, 1000",
            // second year starts 28 February 2025 (no 29th): day 180 is 26 August 2025
            "2025-02-28, 2025-08-25, 500",
            "2025-02-28, 2025-08-26, 1000",
            // a year containing 29 February 2028: the extra day shifts nothing before it
            "2027-02-28, 2027-08-26, 1000",
            "2027-02-28, 2028-02-29, 1000",
    })
    void leapYears(LocalDate yearStart, LocalDate addedOn, long rolled) {
        var r = RollOverRule.atAnniversary(yearStart, 0, List.of(new Credit(addedOn, 1000)), 0);
        assertThat(r.rolledOver()).isEqualTo(rolled);
    }

    @Test
    void consumingMoreThanHeldIsABug() {
        assertThatThrownBy(() -> RollOverRule.atAnniversary(YEAR_START, 10, credits("5:10"), 21))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void creditsBeforeTheYearAreABug() {
        assertThatThrownBy(() -> RollOverRule.atAnniversary(YEAR_START, 0,
                List.of(new Credit(YEAR_START.minusDays(1), 10)), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Credit> credits(String spec) {
        if (spec.isBlank()) {
            return List.of();
        }
        return Arrays.stream(spec.trim().split("\\s+")).map(s -> {
            String[] p = s.split(":");
            return new Credit(YEAR_START.plusDays(Long.parseLong(p[0]) - 1), Long.parseLong(p[1]));
        }).toList();
    }
}
