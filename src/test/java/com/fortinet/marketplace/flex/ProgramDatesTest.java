package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.web.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgramDatesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-06-10");

    static FlexProgram program(String start, String end) {
        return new FlexProgram(1, 2, FlexProgramType.PREPAID, "ELAVMR0000000001", LocalDate.parse(start),
                LocalDate.parse(end), Instant.EPOCH);
    }

    @ParameterizedTest(name = "{0}–{1} + {2} months → ends {3}")
    @CsvSource({
            // running programs: the end moves later by the term
            "2026-01-10, 2027-01-10, 12, 2028-01-10",
            "2026-01-10, 2027-01-10, 36, 2030-01-10",
            "2026-01-10, 2027-01-10, 60, 2032-01-10",
            "2026-01-10, 2026-06-11, 12, 2027-06-11",
            // month ends: plusMonths keeps the last day of a shorter month
            "2024-02-29, 2026-08-31, 12, 2027-08-31",
            "2020-02-29, 2028-02-29, 12, 2029-02-28",
            // ended programs (today or earlier) start the new term today
            "2025-01-10, 2026-06-10, 12, 2027-06-10",
            "2023-01-10, 2024-01-10, 36, 2029-06-10",
            // not started yet: extended from its end
            "2026-07-01, 2027-07-01, 12, 2028-07-01",
    })
    void extension(String start, String end, int months, LocalDate expected) {
        assertThat(ProgramDates.extendedEnd(program(start, end), months, TODAY)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "term {0} is refused")
    @CsvSource(value = {"0", "1", "24", "-12", "120", "NULL"}, nullValues = "NULL")
    void onlyTwelveThirtySixOrSixtyMonths(Integer months) {
        assertThatThrownBy(() -> ProgramDates.extendedEnd(program("2026-01-10", "2027-01-10"), months, TODAY))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("months"));
    }

    /**
     * Program 2025-01-10 – 2028-01-10 (unless stated), today 2026-06-10. history: first ledger day / last roll-over
     * ('-' none). Refusal: the field named, or empty when the change is allowed.
     */
    @ParameterizedTest(name = "[{index}] {0}–{1} → {2}–{3}, history {4}/{5}: {6}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // from        | to (current)  | new start  | new end    | first ledger | last roll-over | refused field
            "2025-01-10 | 2028-01-10 | 2025-01-10 | 2029-01-10 | -          | -          | ''",
            "2025-01-10 | 2028-01-10 | 2025-01-10 | 2026-06-10 | -          | -          | ''",
            "2025-01-10 | 2028-01-10 | 2025-01-10 | 2026-06-11 | -          | -          | ''",
            "2025-01-10 | 2028-01-10 | 2025-01-10 | 2026-06-09 | -          | -          | endDate",
            "2025-01-10 | 2028-01-10 | 2025-01-10 | 2025-01-10 | -          | -          | endDate",
            "2025-01-10 | 2028-01-10 | 2025-02-01 | 2028-01-10 | -          | -          | ''",
            "2025-01-10 | 2028-01-10 | 2024-12-01 | 2028-01-10 | 2025-01-20 | -          | ''",
            "2025-01-10 | 2028-01-10 | 2025-01-20 | 2028-01-10 | 2025-01-20 | -          | ''",
            "2025-01-10 | 2028-01-10 | 2025-01-21 | 2028-01-10 | 2025-01-20 | -          | startDate",
            "2025-01-10 | 2028-01-10 | 2025-01-09 | 2028-01-10 | 2025-01-20 | 2026-01-10 | startDate",
            "2025-01-10 | 2028-01-10 | 2025-01-10 | 2026-06-10 | 2025-01-20 | 2026-01-10 | ''",
            // a roll-over at the anniversary the end would now fall on
            "2025-06-10 | 2028-06-10 | 2025-06-10 | 2026-06-10 | 2025-06-20 | 2026-06-10 | endDate",
            "2025-06-10 | 2028-06-10 | 2025-06-10 | 2026-06-11 | 2025-06-20 | 2026-06-10 | ''",
            // an ended program: its past end may stay while the start is corrected; moving the end stays ≥ today
            "2023-01-10 | 2026-01-10 | 2023-02-10 | 2026-01-10 | -          | -          | ''",
            "2023-01-10 | 2026-01-10 | 2023-01-10 | 2026-03-10 | -          | -          | endDate",
            "2023-01-10 | 2026-01-10 | 2023-01-10 | 2026-06-10 | -          | -          | ''",
            // not started yet: both dates may move
            "2026-07-01 | 2027-07-01 | 2026-08-01 | 2027-08-01 | -          | -          | ''",
            "2026-07-01 | 2027-07-01 | 2027-08-01 | 2027-07-01 | -          | -          | endDate",
    })
    void editingDates(String start, String end, LocalDate newStart, LocalDate newEnd, LocalDate firstLedger,
                      LocalDate lastRollOver, String refused) {
        var history = new ProgramDates.History(firstLedger, lastRollOver);
        if (refused.isEmpty()) {
            ProgramDates.requireValid(program(start, end), newStart, newEnd, TODAY, history);
        } else {
            assertThatThrownBy(() -> ProgramDates.requireValid(program(start, end), newStart, newEnd, TODAY, history))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(refused));
        }
    }

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(value = {"2026-06-10, 2026-06-10", "' 2026-06-10 ', 2026-06-10", "'', NULL"}, nullValues = "NULL")
    void datesTypedInForms(String raw, LocalDate expected) {
        assertThat(ProgramDates.parse("endDate", raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' is refused at the field")
    @CsvSource({"10/06/2026", "2026-02-30", "tomorrow", "2026-6-1"})
    void badDatesAreRefusedAtTheField(String raw) {
        assertThatThrownBy(() -> ProgramDates.parse("endDate", raw)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("YYYY-MM-DD");
    }
}
