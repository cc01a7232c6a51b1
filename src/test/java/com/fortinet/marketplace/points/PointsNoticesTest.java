package com.fortinet.marketplace.points;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PointsNoticesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-06-10");

    @ParameterizedTest(name = "{0} of {1} left, expires in {2} days → {3}")
    @CsvSource(delimiter = '|', value = {
            "10000 | 10000 | 400 | ''",
            "2001  | 10000 | 400 | ''",                      // 79.99 % used
            "2000  | 10000 | 400 | USAGE_80",
            "1001  | 10000 | 400 | USAGE_80",
            "1000  | 10000 | 400 | USAGE_90",
            "0     | 10000 | 400 | USAGE_90",                // used up: no expiry notice for an empty pack
            "10000 | 10000 | 91  | ''",
            "10000 | 10000 | 90  | EXPIRY_90",
            "10000 | 10000 | 31  | EXPIRY_90",
            "10000 | 10000 | 30  | EXPIRY_30",
            "10000 | 10000 | 8   | EXPIRY_30",
            "10000 | 10000 | 7   | EXPIRY_7",
            "10000 | 10000 | 1   | EXPIRY_7",
            "500   | 10000 | 5   | USAGE_90 EXPIRY_7",
    })
    void noticesFollowTheThresholds(long remaining, long points, int daysToExpiry, String expected) {
        PointPack pack = new PointPack(7, 1, "FC-10-FPNTS-10K", points, remaining, TODAY.minusYears(2),
                TODAY.plusDays(daysToExpiry), "IMPORT", Instant.EPOCH);
        var summary = new PointsSummary(1, TODAY, remaining, points, points - remaining, 0, 0, List.of(pack));
        List<String> keys = PointsNotices.of(summary).stream().map(n -> n.key().replace("_PACK_7", "")).toList();
        assertThat(String.join(" ", keys)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void oneLeftPointReadsAsOnePoint() {
        PointPack pack = new PointPack(7, 1, "FC-10-FPNTS-10K", 10000, 1, TODAY.minusYears(2), TODAY.plusDays(60), "IMPORT", Instant.EPOCH);
        var summary = new PointsSummary(1, TODAY, 20001, 30000, 9999, 0, 1, List.of(pack));
        assertThat(PointsNotices.of(summary).stream().filter(n -> n.key().startsWith("EXPIRY")).toList()).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("FortiPoints: 1 point expires in 60 days");
            assertThat(n.message()).startsWith("1 point of pack FC-10-FPNTS-10K expires on " + TODAY.plusDays(60));
        });
    }
}
