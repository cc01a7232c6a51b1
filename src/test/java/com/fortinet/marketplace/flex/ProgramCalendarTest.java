package com.fortinet.marketplace.flex;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramCalendarTest {

    @ParameterizedTest(name = "start {0}, on {1}: year {2} from {3}, next anniversary {4}, day {5}")
    @CsvSource({
            // start,     date,       year, yearStart,  next,       day
            "2026-03-10, 2026-03-10, 0, 2026-03-10, 2027-03-10, 1",
            "2026-03-10, 2026-09-05, 0, 2026-03-10, 2027-03-10, 180",
            "2026-03-10, 2027-03-09, 0, 2026-03-10, 2027-03-10, 365",
            "2026-03-10, 2027-03-10, 1, 2027-03-10, 2028-03-10, 1",
            "2026-03-10, 2031-03-11, 5, 2031-03-10, 2032-03-10, 2",
            "2026-12-31, 2027-12-30, 0, 2026-12-31, 2027-12-31, 365",
            "2026-12-31, 2027-12-31, 1, 2027-12-31, 2028-12-31, 1",
            // started on 29 February: anniversary 28 February in non-leap years, 29 February in leap years
            "2024-02-29, 2024-08-25, 0, 2024-02-29, 2025-02-28, 179",
            "2024-02-29, 2024-08-26, 0, 2024-02-29, 2025-02-28, 180",
            "2024-02-29, 2025-02-27, 0, 2024-02-29, 2025-02-28, 365",
            "2024-02-29, 2025-02-28, 1, 2025-02-28, 2026-02-28, 1",
            "2024-02-29, 2025-03-01, 1, 2025-02-28, 2026-02-28, 2",
            "2024-02-29, 2028-02-28, 3, 2027-02-28, 2028-02-29, 366",
            "2024-02-29, 2028-02-29, 4, 2028-02-29, 2029-02-28, 1",
            // a program year that contains 29 February has 366 days
            "2027-03-01, 2028-02-29, 0, 2027-03-01, 2028-03-01, 366",
            "2027-03-01, 2028-03-01, 1, 2028-03-01, 2029-03-01, 1",
    })
    void programYears(LocalDate start, LocalDate date, int year, LocalDate yearStart, LocalDate next, int day) {
        assertThat(ProgramCalendar.yearIndex(start, date)).isEqualTo(year);
        assertThat(ProgramCalendar.yearStart(start, date)).isEqualTo(yearStart);
        assertThat(ProgramCalendar.nextAnniversary(start, date)).isEqualTo(next);
        assertThat(ProgramCalendar.dayOfProgramYear(start, date)).isEqualTo(day);
    }

    @ParameterizedTest(name = "start {0}, end {1}, today {2}: {3}")
    @CsvSource({
            "2025-03-10, 2028-03-10, 2026-03-09, ''",
            "2025-03-10, 2028-03-10, 2026-03-10, 2026-03-10",
            "2025-03-10, 2028-03-10, 2026-03-11, 2026-03-10",
            "2025-03-10, 2028-03-10, 2030-01-01, 2026-03-10 2027-03-10",   // the end date itself is no roll-over
            "2025-03-10, 2026-03-10, 2030-01-01, ''",                       // 12-month program: none
            "2025-03-10, 2025-12-31, 2026-03-10, ''",
            "2024-02-29, 2029-02-28, 2026-03-01, 2025-02-28 2026-02-28",
            "2024-02-29, 2030-01-01, 2028-02-29, 2025-02-28 2026-02-28 2027-02-28 2028-02-29",
            "2024-02-29, 2030-01-01, 2028-02-28, 2025-02-28 2026-02-28 2027-02-28",
            "2026-03-10, 2029-03-10, 2026-01-01, ''",                       // not started yet
    })
    void anniversariesReached(LocalDate start, LocalDate end, LocalDate today, String expected) {
        List<LocalDate> want = expected.isBlank() ? List.of()
                : Arrays.stream(expected.split(" ")).map(LocalDate::parse).toList();
        assertThat(ProgramCalendar.anniversariesReached(start, end, today)).isEqualTo(want);
    }

    @ParameterizedTest
    @CsvSource({"2026-03-10, 10 March", "2024-02-29, 29 February", "2025-12-01, 1 December"})
    void anniversaryAsPeopleSayIt(LocalDate start, String expected) {
        var p = new FlexProgram(1, 1, FlexProgramType.PREPAID, "ELAVMR0000000101", start, start.plusYears(3), null);
        assertThat(p.anniversaryMonthDay()).isEqualTo(expected);
    }
}
