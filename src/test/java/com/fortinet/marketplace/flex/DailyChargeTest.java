package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.flex.DailyCharge.Change;
import com.fortinet.marketplace.flex.DailyCharge.EntitlementDay;
import com.fortinet.marketplace.flex.DailyCharge.State;
import com.fortinet.marketplace.flex.DailyCharge.Status;
import com.fortinet.marketplace.time.BusinessClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The daily charge of one entitlement, table-driven. Configurations are letters with these points/day:
 * A FortiGate-VM 2 cpu ENT 6.39 and G another configuration at the same rate, B FortiGate-VM 4 cpu ENT 12.91,
 * C 3.20, E 25.82, F 0.01, Z 0.00, H FortiGate hardware 4.10.
 * <p>
 * A state is {@code STATUS:CONFIG[:END-DATE]}; {@code none} is an entitlement that did not exist at the day's start.
 * A change is {@code TIME STATE}, TIME being a local Pacific time on that day ({@code HH:mm[:ss]}; a time in the
 * spring-forward gap moves forward, an ambiguous autumn time takes the earlier, summer offset) or a UTC instant.
 */
class DailyChargeTest {

    static final Map<String, FlexPoints> RATES = Map.of(
            "A", FlexPoints.parse("6.39"), "G", FlexPoints.parse("6.39"), "B", FlexPoints.parse("12.91"),
            "C", FlexPoints.parse("3.20"), "E", FlexPoints.parse("25.82"), "F", FlexPoints.parse("0.01"),
            "Z", FlexPoints.parse("0.00"), "H", FlexPoints.parse("4.10"));

    @ParameterizedTest(name = "[{index}] {0}: {1} then ''{2}'' → {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // day      | state at start     | changes during the day                                  | points | charged config
            // --- whole days in one status
            "2026-06-10 | ACTIVE:A           | ''                                                      | 6.39  | A",
            "2026-06-10 | ACTIVE:B           | ''                                                      | 12.91 | B",
            "2026-06-10 | PENDING:A          | ''                                                      | 0     | -",
            "2026-06-10 | STOPPED:A          | ''                                                      | 0     | -",
            "2026-06-10 | EXPIRED:A          | ''                                                      | 0     | -",
            "2026-06-10 | REMOVED:H          | ''                                                      | 0     | -",
            "2026-06-10 | none               | ''                                                      | 0     | -",
            // --- created, token used (PENDING → ACTIVE)
            "2026-06-10 | none               | 09:00 PENDING:A                                         | 0     | -",
            "2026-06-10 | none               | 09:00 ACTIVE:H                                          | 4.10  | H",
            "2026-06-10 | none               | 09:00 PENDING:A; 15:00 ACTIVE:A                         | 6.39  | A",
            "2026-06-10 | PENDING:A          | 23:59 ACTIVE:A                                          | 6.39  | A",
            "2026-06-10 | PENDING:A          | 23:59:59 ACTIVE:A                                       | 6.39  | A",
            "2026-06-10 | PENDING:A          | 00:00 ACTIVE:A                                          | 6.39  | A",
            "2026-06-10 | PENDING:A          | 10:00 PENDING:A                                         | 0     | -",
            "2026-06-10 | ACTIVE:A           | 10:00 ACTIVE:A                                          | 6.39  | A",
            // --- the day of stopping is charged; stopped at exactly midnight it ran none of the day
            "2026-06-10 | ACTIVE:A           | 10:00 STOPPED:A                                         | 6.39  | A",
            "2026-06-10 | ACTIVE:A           | 23:59 STOPPED:A                                         | 6.39  | A",
            "2026-06-10 | ACTIVE:A           | 00:00:01 STOPPED:A                                      | 6.39  | A",
            "2026-06-10 | ACTIVE:A           | 00:00 STOPPED:A                                         | 0     | -",
            // --- the day of reactivation is charged
            "2026-06-10 | STOPPED:A          | 10:00 ACTIVE:A                                          | 6.39  | A",
            "2026-06-10 | STOPPED:A          | 23:59:59 ACTIVE:A                                       | 6.39  | A",
            "2026-06-10 | STOPPED:A          | 00:00 ACTIVE:A                                          | 6.39  | A",
            "2026-06-10 | STOPPED:A          | 10:00 ACTIVE:B                                          | 12.91 | B",
            // --- stop and reactivate the same day: charged once
            "2026-06-10 | ACTIVE:A           | 09:00 STOPPED:A; 17:00 ACTIVE:A                         | 6.39  | A",
            "2026-06-10 | STOPPED:A          | 09:00 ACTIVE:A; 17:00 STOPPED:A                         | 6.39  | A",
            "2026-06-10 | ACTIVE:A           | 01:00 STOPPED:A; 02:00 ACTIVE:A; 03:00 STOPPED:A; 04:00 ACTIVE:A | 6.39 | A",
            "2026-06-10 | STOPPED:A          | 10:00 ACTIVE:B; 11:00 STOPPED:B                         | 12.91 | B",
            // --- configuration changes: the largest in force while ACTIVE
            "2026-06-10 | ACTIVE:A           | 10:00 ACTIVE:B                                          | 12.91 | B",
            "2026-06-10 | ACTIVE:B           | 10:00 ACTIVE:A                                          | 12.91 | B",
            "2026-06-10 | ACTIVE:A           | 10:00 ACTIVE:B; 14:00 ACTIVE:A                          | 12.91 | B",
            "2026-06-10 | ACTIVE:A           | 10:00 ACTIVE:C                                          | 6.39  | A",
            "2026-06-10 | ACTIVE:C           | 08:00 ACTIVE:A; 09:00 ACTIVE:B; 10:00 ACTIVE:E; 11:00 ACTIVE:C | 25.82 | E",
            "2026-06-10 | ACTIVE:A           | 23:59 ACTIVE:B                                          | 12.91 | B",
            "2026-06-10 | ACTIVE:A           | 00:00 ACTIVE:B                                          | 12.91 | B",
            "2026-06-10 | ACTIVE:B           | 00:00 ACTIVE:A                                          | 6.39  | A",
            // a configuration in force for no time (two changes at one instant) costs nothing
            "2026-06-10 | ACTIVE:A           | 10:00 ACTIVE:B; 10:00 ACTIVE:A                          | 6.39  | A",
            // equal rates: the configuration in force first
            "2026-06-10 | ACTIVE:A           | 10:00 ACTIVE:G                                          | 6.39  | A",
            "2026-06-10 | ACTIVE:G           | 10:00 ACTIVE:A                                          | 6.39  | G",
            "2026-06-10 | ACTIVE:F           | ''                                                      | 0.01  | F",
            "2026-06-10 | ACTIVE:F           | 10:00 ACTIVE:A                                          | 6.39  | A",
            "2026-06-10 | ACTIVE:Z           | ''                                                      | 0     | Z",
            // --- configurations set while stopped or pending cost nothing until they run
            "2026-06-10 | STOPPED:A          | 10:00 STOPPED:B                                         | 0     | -",
            "2026-06-10 | ACTIVE:A           | 09:00 STOPPED:A; 10:00 STOPPED:B                        | 6.39  | A",
            "2026-06-10 | STOPPED:A          | 10:00 STOPPED:B; 12:00 ACTIVE:B                         | 12.91 | B",
            "2026-06-10 | ACTIVE:B           | 09:00 STOPPED:B; 10:00 STOPPED:A; 12:00 ACTIVE:A        | 12.91 | B",
            "2026-06-10 | PENDING:A          | 10:00 PENDING:B; 23:00 ACTIVE:B                         | 12.91 | B",
            "2026-06-10 | PENDING:B          | 10:00 PENDING:A; 23:00 ACTIVE:A                         | 6.39  | A",
            // --- runs [start, end): the end date itself is not charged, recorded expiry or not
            "2026-06-10 | ACTIVE:A:2026-06-11 | ''                                                     | 6.39  | A",
            "2026-06-10 | ACTIVE:A:2026-06-10 | ''                                                     | 0     | -",
            "2026-06-10 | ACTIVE:A:2026-06-10 | 00:05 EXPIRED:A:2026-06-10                             | 0     | -",
            "2026-06-10 | ACTIVE:A:2026-06-10 | 00:00 EXPIRED:A:2026-06-10                             | 0     | -",
            "2026-06-10 | EXPIRED:A:2026-06-09 | ''                                                    | 0     | -",
            "2026-06-10 | ACTIVE:A:2026-06-01 | ''                                                     | 0     | -",
            "2026-06-10 | STOPPED:A:2026-06-10 | 09:00 ACTIVE:A:2026-06-10                             | 0     | -",
            "2026-06-10 | ACTIVE:A           | 10:00 ACTIVE:A:2026-06-11                               | 6.39  | A",
            // the end date moved to today at 10:00: it ran the morning; moved later before the expiry was recorded: it runs on
            "2026-06-10 | ACTIVE:A:2026-07-10 | 10:00 ACTIVE:A:2026-06-10                             | 6.39  | A",
            "2026-06-10 | ACTIVE:A:2026-06-10 | 10:00 ACTIVE:A:2026-07-10                             | 6.39  | A",
            "2026-06-10 | ACTIVE:A           | 00:00 EXPIRED:A                                         | 0     | -",
            "2026-06-10 | ACTIVE:A           | 15:00 EXPIRED:A                                         | 6.39  | A",
            // --- a removed hardware unit
            "2026-06-10 | STOPPED:H          | 10:00 REMOVED:H                                         | 0     | -",
            "2026-06-10 | EXPIRED:H          | 10:00 REMOVED:H                                         | 0     | -",
            "2026-06-10 | ACTIVE:H           | 09:00 STOPPED:H; 09:30 REMOVED:H                        | 4.10  | H",
            "2026-06-10 | ACTIVE:H           | ''                                                      | 4.10  | H",
            // --- many changes
            "2026-06-10 | PENDING:A          | 08:00 ACTIVE:A; 09:00 ACTIVE:B; 12:00 STOPPED:B; 13:00 STOPPED:E; 18:00 ACTIVE:C; 20:00 ACTIVE:A | 12.91 | B",
            "2026-06-10 | ACTIVE:A           | 06:00 STOPPED:A; 07:00 STOPPED:E; 08:00 STOPPED:A; 22:00 ACTIVE:A | 6.39 | A",
            "2026-06-10 | ACTIVE:A:2026-06-20 | 08:00 ACTIVE:B:2026-06-20; 12:00 STOPPED:B:2026-06-20; 13:00 STOPPED:E:2026-06-20 | 12.91 | B",
            // --- 2026-03-08, daylight-saving time starts: a 23-hour day (midnight PST = 08:00Z, next midnight PDT = 07:00Z)
            "2026-03-08 | ACTIVE:A           | ''                                                      | 6.39  | A",
            "2026-03-08 | PENDING:A          | 2026-03-09T06:59:00Z ACTIVE:A                           | 6.39  | A",
            "2026-03-08 | PENDING:A          | 23:59 ACTIVE:A                                          | 6.39  | A",
            "2026-03-08 | ACTIVE:A           | 2026-03-08T08:00:00Z STOPPED:A                          | 0     | -",
            "2026-03-08 | ACTIVE:A           | 2026-03-08T09:59:59Z STOPPED:A                          | 6.39  | A",
            "2026-03-08 | ACTIVE:A           | 2026-03-08T10:00:00Z ACTIVE:B                           | 12.91 | B",
            "2026-03-08 | STOPPED:A          | 02:30 ACTIVE:A                                          | 6.39  | A",
            "2026-03-07 | PENDING:A          | 2026-03-08T07:59:59Z ACTIVE:A                           | 6.39  | A",
            // --- 2026-11-01, daylight-saving time ends: a 25-hour day (midnight PDT = 07:00Z, next midnight PST = 08:00Z)
            "2026-11-01 | ACTIVE:A           | ''                                                      | 6.39  | A",
            "2026-11-01 | PENDING:A          | 2026-11-02T07:30:00Z ACTIVE:A                           | 6.39  | A",
            "2026-11-01 | STOPPED:A          | 2026-11-02T07:59:59Z ACTIVE:A                           | 6.39  | A",
            "2026-11-01 | ACTIVE:A           | 2026-11-01T07:00:00Z STOPPED:A                          | 0     | -",
            "2026-11-01 | ACTIVE:A           | 2026-11-01T08:30:00Z ACTIVE:B; 2026-11-01T09:30:00Z ACTIVE:A | 12.91 | B",
            "2026-11-02 | PENDING:A          | 2026-11-02T08:00:00Z ACTIVE:A                           | 6.39  | A",
            // --- calendar edges
            "2028-02-29 | ACTIVE:A           | ''                                                      | 6.39  | A",
            "2026-12-31 | PENDING:A          | 23:59:59 ACTIVE:A                                       | 6.39  | A",
    })
    void chargeOfOneDay(LocalDate day, String start, String changes, String points, String config) {
        var charge = DailyCharge.of(new EntitlementDay<>(day, state(start), changes(day, changes)), RATES::get);
        assertThat(charge.points()).as("points").isEqualTo(FlexPoints.parse(points));
        assertThat(charge.config()).as("configuration charged").isEqualTo(config);
        assertThat(charge.charged()).isEqualTo(config != null);
    }

    /**
     * Configuration A's own points/day changes during the day (parameters edited, rates repriced): the versions column
     * lists A's rates, the first one in force since before the day, the others from a time. Only rates in force while
     * the entitlement was ACTIVE on A count. B is 12.91 throughout.
     */
    @ParameterizedTest(name = "[{index}] {0} then ''{1}'', A at ''{2}'' → {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // state at start | changes during the day       | A's points/day          | points | charged config
            "ACTIVE:A         | ''                            | 6.39; 10:00 12.91; 14:00 6.39 | 12.91 | A",
            "ACTIVE:A         | 09:00 STOPPED:A               | 6.39; 10:00 12.91       | 6.39   | A",
            "STOPPED:A        | 12:00 ACTIVE:A                | 12.91; 10:00 6.39       | 6.39   | A",
            "ACTIVE:A         | 23:59 STOPPED:A               | 6.39; 23:58 12.91       | 12.91  | A",
            "ACTIVE:A         | 10:00 ACTIVE:B                | 6.39; 12:00 30.00       | 12.91  | B",
            "ACTIVE:B         | 10:00 ACTIVE:A                | 6.39; 12:00 30.00       | 30.00  | A",
            "ACTIVE:A         | ''                            | 12.91; 00:00 6.39       | 6.39   | A",
            "ACTIVE:A         | ''                            | 6.39; 2026-06-11T07:00:00Z 12.91 | 6.39 | A",
            "PENDING:A        | 23:00 ACTIVE:A                | 12.91; 22:00 6.39       | 6.39   | A",
            "ACTIVE:A         | 09:00 STOPPED:A; 15:00 ACTIVE:A | 6.39; 10:00 30.00; 14:00 6.39 | 6.39 | A",
            "ACTIVE:A         | 09:00 STOPPED:A; 13:00 ACTIVE:A | 6.39; 10:00 30.00; 14:00 6.39 | 30.00 | A",
            "ACTIVE:A:2026-06-10 | ''                         | 6.39; 10:00 30.00       | 0      | -",
    })
    void ratesThatChangeDuringTheDay(String start, String changes, String versionsOfA, String points, String config) {
        LocalDate day = LocalDate.parse("2026-06-10");
        List<DailyCharge.RateFrom> versions = new ArrayList<>();
        String[] parts = versionsOfA.split(";");
        versions.add(new DailyCharge.RateFrom(DailyCharge.startOf(day.minusDays(30)), FlexPoints.parse(parts[0])));
        for (int i = 1; i < parts.length; i++) {
            String[] p = parts[i].strip().split("\\s+");
            versions.add(new DailyCharge.RateFrom(instant(day, p[0]), FlexPoints.parse(p[1])));
        }
        DailyCharge.Rates<String> rates = DailyCharge.Rates.versions(c -> c.equals("A") ? versions
                : List.of(new DailyCharge.RateFrom(DailyCharge.startOf(day.minusDays(30)), RATES.get(c))));
        var charge = DailyCharge.of(new EntitlementDay<>(day, state(start), changes(day, changes)), rates);
        assertThat(charge.points()).as("points").isEqualTo(FlexPoints.parse(points));
        assertThat(charge.config()).as("configuration charged").isEqualTo(config);
    }

    @Test
    void aConfigurationWithNoVersionInForceIsABug() {
        LocalDate day = LocalDate.parse("2026-06-10");
        var rates = DailyCharge.Rates.<String>versions(c -> List.of(new DailyCharge.RateFrom(instant(day, "10:00"), FlexPoints.parse("6.39"))));
        var charge = DailyCharge.of(new EntitlementDay<>(day, state("ACTIVE:A"), List.of()), rates);
        assertThat(charge.points()).as("in force from 10:00 only").isEqualTo(FlexPoints.parse("6.39"));
        var early = new EntitlementDay<>(day, state("ACTIVE:A"), List.of(change("2026-06-10T15:00:00Z", "STOPPED:A")));
        assertThatThrownBy(() -> DailyCharge.of(early, rates)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The day boundaries really are Pacific midnights, 23 and 25 hours apart around daylight-saving changes. */
    @ParameterizedTest(name = "{0} lasts {1} hours")
    @CsvSource({"2026-03-07, 24", "2026-03-08, 23", "2026-03-09, 24", "2026-11-01, 25", "2026-11-02, 24", "2026-06-10, 24"})
    void businessDaysLastTheirLocalLength(LocalDate day, long hours) {
        assertThat(Duration.between(DailyCharge.startOf(day), DailyCharge.startOf(day.plusDays(1))).toHours()).isEqualTo(hours);
    }

    /**
     * One VM's history across the daylight-saving week in March, cut into days as the daily job does: created
     * Saturday, token used at 23:59 on the 23-hour Sunday, moved up and back down on Monday, stopped Tuesday, nothing
     * Wednesday, reactivated Thursday at midnight, ended Saturday (its end date).
     */
    @Test
    void aHistoryCutIntoDays() {
        List<Change<String>> history = List.of(
                change("2026-03-07T18:00:00Z", "PENDING:A:2026-03-14"),
                change("2026-03-09T06:59:00Z", "ACTIVE:A:2026-03-14"),   // 23:59 PDT, Sunday 8 March
                change("2026-03-09T17:00:00Z", "ACTIVE:B:2026-03-14"),
                change("2026-03-09T21:00:00Z", "ACTIVE:A:2026-03-14"),
                change("2026-03-10T20:00:00Z", "STOPPED:A:2026-03-14"),
                change("2026-03-12T07:00:00Z", "ACTIVE:A:2026-03-14"),   // 00:00 PDT, Thursday 12 March
                change("2026-03-14T07:05:00Z", "EXPIRED:A:2026-03-14")); // the expiry job, five past midnight
        String[][] expected = {
                {"2026-03-06", "0"}, {"2026-03-07", "0"}, {"2026-03-08", "6.39"}, {"2026-03-09", "12.91"},
                {"2026-03-10", "6.39"}, {"2026-03-11", "0"}, {"2026-03-12", "6.39"}, {"2026-03-13", "6.39"},
                {"2026-03-14", "0"}, {"2026-03-15", "0"}};
        FlexPoints total = FlexPoints.ZERO;
        for (String[] row : expected) {
            LocalDate day = LocalDate.parse(row[0]);
            var charge = DailyCharge.of(EntitlementDay.of(day, history), RATES::get);
            assertThat(charge.points()).as(row[0]).isEqualTo(FlexPoints.parse(row[1]));
            total = total.plus(charge.points());
        }
        assertThat(total).isEqualTo(FlexPoints.parse("38.47"));
    }

    @Test
    void aChangeAtMidnightBelongsToTheDayItStarts() {
        List<Change<String>> history = List.of(change("2026-06-01T07:00:00Z", "ACTIVE:A"),
                change("2026-06-10T07:00:00Z", "STOPPED:A")); // 00:00 PDT on 10 June
        var ninth = EntitlementDay.of(LocalDate.parse("2026-06-09"), history);
        var tenth = EntitlementDay.of(LocalDate.parse("2026-06-10"), history);
        assertThat(ninth.changes()).isEmpty();
        assertThat(tenth.changes()).hasSize(1);
        assertThat(tenth.startState()).isEqualTo(state("ACTIVE:A"));
        assertThat(DailyCharge.of(ninth, RATES::get).points()).isEqualTo(FlexPoints.parse("6.39"));
        assertThat(DailyCharge.of(tenth, RATES::get).charged()).isFalse();
    }

    @Test
    void changesOutsideTheDayOrOutOfOrderAreABug() {
        LocalDate day = LocalDate.parse("2026-06-10");
        assertThatThrownBy(() -> new EntitlementDay<>(day, state("ACTIVE:A"), List.of(change("2026-06-11T07:00:00Z", "STOPPED:A"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not on business day");
        assertThatThrownBy(() -> new EntitlementDay<>(day, state("ACTIVE:A"), List.of(change("2026-06-10T06:59:59Z", "STOPPED:A"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EntitlementDay<>(day, state("ACTIVE:A"),
                List.of(change("2026-06-10T20:00:00Z", "STOPPED:A"), change("2026-06-10T19:00:00Z", "ACTIVE:A"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of order");
    }

    @Test
    void anActiveConfigurationWithoutARateIsABug() {
        var day = new EntitlementDay<>(LocalDate.parse("2026-06-10"), state("ACTIVE:Q"), List.<Change<String>>of());
        assertThatThrownBy(() -> DailyCharge.of(day, RATES::get)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Q");
        // …but a stopped one is never looked up
        var stopped = new EntitlementDay<>(LocalDate.parse("2026-06-10"), state("STOPPED:Q"), List.<Change<String>>of());
        assertThat(DailyCharge.of(stopped, RATES::get).charged()).isFalse();
    }

    private static State<String> state(String spec) {
        if (spec.equals("none")) {
            return null;
        }
        String[] p = spec.split(":");
        return new State<>(Status.valueOf(p[0]), p[1], p.length > 2 ? LocalDate.parse(p[2]) : null);
    }

    private static Change<String> change(String instant, String state) {
        return new Change<>(Instant.parse(instant), state(state));
    }

    private static List<Change<String>> changes(LocalDate day, String spec) {
        List<Change<String>> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String c : spec.split(";")) {
            String[] p = c.strip().split("\\s+");
            out.add(new Change<>(instant(day, p[0]), state(p[1])));
        }
        return out;
    }

    private static Instant instant(LocalDate day, String time) {
        if (time.endsWith("Z")) {
            return Instant.parse(time);
        }
        int[] hms = Arrays.stream(time.split(":")).mapToInt(Integer::parseInt).toArray();
        LocalTime t = LocalTime.of(hms[0], hms[1], hms.length > 2 ? hms[2] : 0);
        return ZonedDateTime.ofLocal(day.atTime(t), BusinessClock.ZONE, null).toInstant();
    }
}
