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
    /** Amounts are FortiFlex points with up to two decimals. */
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
            // odd whole numbers halve exactly: FortiFlex points carry hundredths
            "0,    '10:1001',                       0,    1001, 0,    500.50, 500.50",
            "0,    '10:1',                          0,    1,    0,    0.50, 0.50",
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
            "5,    '',                              0,    5,    0,    2.50, 2.50",
            "500,  '',                              500,  0,    0,    0,    0",
            // huge numbers stay exact
            "0,    '1:4000000000000 300:4000000000001', 1, 3999999999999, 4000000000001, 6000000000000.50, 1999999999999.50",
            // hundredths: the half is taken to the hundredth, rounded down; the odd hundredth is forfeited
            "0,    '10:10.01',                      0,    10.01, 0,   5.00, 5.01",
            "0,    '10:10.02',                      0,    10.02, 0,   5.01, 5.01",
            "0,    '10:0.01',                       0,    0.01, 0,    0.00, 0.01",
            "0,    '10:0.03',                       0,    0.03, 0,    0.01, 0.02",
            "0,    '180:0.01',                      0,    0,    0.01, 0.01, 0",
            // …once over the total: two odd hundredths make one whole hundredth that rolls over
            "0,    '10:0.01 20:0.01',               0,    0.02, 0,    0.01, 0.01",
            "0,    '10:6.39 20:6.39',               0,    12.78, 0,   6.39, 6.39",
            "0,    '10:100.05 200:0.07',            0,    100.05, 0.07, 50.09, 50.03",
            // a day's usage in hundredths comes off the oldest points first
            "0,    '10:1000 200:2000',              6.39, 993.61, 2000, 2496.80, 496.81",
            "0,    '10:1000 200:2000',              1000.01, 0,  1999.99, 1999.99, 0",
            "0,    '179:0.01 180:0.01',             0.01, 0,    0.01, 0.01, 0",
            "0,    '179:12.91 180:12.91',           12.90, 0.01, 12.91, 12.91, 0.01",
            // carried-over hundredths halve again
            "1234.57, '',                           0,    1234.57, 0, 617.28, 617.29",
            "0.99, '190:0.01',                      0.98, 0.01, 0.01, 0.01, 0.01",
            "99999999999.99, '',                    0,    99999999999.99, 0, 49999999999.99, 50000000000.00",
            // overage (DESIGN §4.4): consumption beyond what was held leaves nothing unused and forfeits nothing
            "10,   '5:10',                          20.01, 0,   0,    0,    0",
            "0,    '10:1000 200:2000',              3500, 0,    0,    0,    0",
            // a negative opening (overage carried in) is paid from the year's credits first, oldest first
            "-100, '10:1000 200:2000',              0,    900,  2000, 2450, 450",
            "-100, '10:1000 200:2000',              950,  0,    1950, 1950, 0",
            "-6.39, '',                             0,    0,    0,    0,    0",
            "-50,  '190:40',                        0,    0,    0,    0,    0",
    })
    void rollOver(String opening, String credits, String consumed, String before, String from, String rolled,
                  String forfeited) {
        var r = RollOverRule.atAnniversary(YEAR_START, fp(opening), credits(credits), fp(consumed));
        assertThat(r.unusedAddedBeforeDay180()).as("unused added before day 180").isEqualTo(fp(before));
        assertThat(r.unusedAddedFromDay180()).as("unused added from day 180").isEqualTo(fp(from));
        assertThat(r.rolledOver()).as("rolled over").isEqualTo(fp(rolled));
        assertThat(r.forfeited()).as("forfeited").isEqualTo(fp(forfeited));
        assertThat(r.rolledOver().plus(r.forfeited())).isEqualTo(r.unused());
    }

    @Test
    void halfRoundsDownToTheHundredthAndNeverCreatesPoints() {
        for (long h = 0; h <= 1_000; h++) {
            FlexPoints unused = new FlexPoints(h);
            var r = RollOverRule.atAnniversary(YEAR_START, unused, List.of(), FlexPoints.ZERO);
            assertThat(r.rolledOver().times(2).compareTo(unused)).as("2 × rolled ≤ unused for %s", unused).isLessThanOrEqualTo(0);
            assertThat(unused.minus(r.rolledOver().times(2)).hundredths()).as("at most one hundredth lost").isBetween(0L, 1L);
        }
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
        var r = RollOverRule.atAnniversary(yearStart, FlexPoints.ZERO, List.of(new Credit(addedOn, FlexPoints.of(1000))),
                FlexPoints.ZERO);
        assertThat(r.rolledOver()).isEqualTo(FlexPoints.of(rolled));
    }

    @Test
    void negativeConsumptionIsABug() {
        assertThatThrownBy(() -> RollOverRule.atAnniversary(YEAR_START, fp("10"), credits("5:10"), fp("-0.01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void creditsBeforeTheYearAreABug() {
        assertThatThrownBy(() -> RollOverRule.atAnniversary(YEAR_START, FlexPoints.ZERO,
                List.of(new Credit(YEAR_START.minusDays(1), FlexPoints.of(10))), FlexPoints.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Credit> credits(String spec) {
        if (spec.isBlank()) {
            return List.of();
        }
        return Arrays.stream(spec.trim().split("\\s+")).map(s -> {
            String[] p = s.split(":");
            return new Credit(YEAR_START.plusDays(Long.parseLong(p[0]) - 1), fp(p[1]));
        }).toList();
    }

    private static FlexPoints fp(String points) {
        return FlexPoints.parse(points);
    }
}
