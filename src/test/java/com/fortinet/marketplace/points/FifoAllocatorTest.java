package com.fortinet.marketplace.points;

import com.fortinet.marketplace.web.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FifoAllocatorTest {

    static final LocalDate TODAY = LocalDate.parse("2026-06-10");

    /**
     * Packs are written "id:remaining:registeredAt:expiresAt" separated by spaces; the expected allocation is
     * "id:points" in paying order.
     */
    @ParameterizedTest(name = "[{index}] {0} spend {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            // one pack, partial and exact
            "1:1000:2025-01-01:2028-01-01                                   | 400  | 1:400",
            "1:1000:2025-01-01:2028-01-01                                   | 1000 | 1:1000",
            // the pack expiring first pays first, whatever the list order
            "1:1000:2025-05-01:2028-05-01 2:1000:2024-01-01:2027-01-01      | 300  | 2:300",
            // partial allocation across several packs, in expiry order
            "1:500:2025-05-01:2028-05-01 2:200:2024-01-01:2027-01-01 3:100:2023-07-01:2026-07-01 | 750 | 3:100 2:200 1:450",
            "1:500:2025-05-01:2028-05-01 2:200:2024-01-01:2027-01-01 3:100:2023-07-01:2026-07-01 | 800 | 3:100 2:200 1:500",
            // same expiry: earlier registration first (imports keep their original dates), then lower id
            "5:100:2024-02-29:2027-03-01 4:100:2024-03-01:2027-03-01        | 150  | 5:100 4:50",
            "9:100:2025-01-01:2028-01-01 8:100:2025-01-01:2028-01-01        | 150  | 8:100 9:50",
            // an empty pack is skipped
            "1:0:2023-07-01:2026-07-01 2:300:2024-01-01:2027-01-01          | 200  | 2:200",
            // a pack expiring today is not spendable; one expiring tomorrow is and pays first
            "1:999:2023-06-10:2026-06-10 2:50:2023-06-11:2026-06-11 3:500:2025-01-01:2028-01-01 | 100 | 2:50 3:50",
            // one point
            "1:1:2025-01-01:2028-01-01 2:1:2025-01-02:2028-01-02            | 1    | 1:1",
    })
    void takesFromThePackThatExpiresFirst(String packs, long points, String expected) {
        List<Allocation> result = FifoAllocator.allocate(parse(packs), points, TODAY);
        assertThat(result.stream().map(a -> a.packId() + ":" + a.points()).collect(Collectors.joining(" ")))
                .isEqualTo(expected);
        assertThat(result.stream().mapToLong(Allocation::points).sum()).isEqualTo(points);
    }

    @ParameterizedTest(name = "[{index}] {0} spend {1} → short by {3}")
    @CsvSource(delimiter = '|', value = {
            "1:1000:2025-01-01:2028-01-01                               | 1001 | 1000 | 1",
            "1:100:2025-01-01:2028-01-01 2:100:2025-01-01:2028-01-01    | 250  | 200  | 50",
            // expired points don't count, even with remaining left (the job may not have run yet)
            "1:5000:2023-06-10:2026-06-10 2:100:2025-01-01:2028-01-01   | 200  | 100  | 100",
            "''                                                           | 1    | 0    | 1",
    })
    void refusesMoreThanTheSpendableBalance(String packs, long points, long balance, long shortfall) {
        assertThatThrownBy(() -> FifoAllocator.allocate(parse(packs), points, TODAY))
                .isInstanceOfSatisfying(InsufficientPointsException.class, e -> {
                    assertThat(e.balance()).isEqualTo(balance);
                    assertThat(e.required()).isEqualTo(points);
                    assertThat(e.shortfall()).isEqualTo(shortfall);
                    assertThat(e.getMessage()).contains("Register a points pack");
                });
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "-1000"})
    void refusesNonPositiveAmounts(long points) {
        assertThatThrownBy(() -> FifoAllocator.allocate(parse("1:1000:2025-01-01:2028-01-01"), points, TODAY))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void allocationsCarryTheirPacksSkuAndExpiry() {
        var packs = List.of(new PackBalance(7, "FC-10-FPNTS-1K", 1000, LocalDate.parse("2025-01-01"), LocalDate.parse("2028-01-01")));
        assertThat(FifoAllocator.allocate(packs, 10, TODAY))
                .containsExactly(new Allocation(7, "FC-10-FPNTS-1K", 10, LocalDate.parse("2028-01-01")));
    }

    static List<PackBalance> parse(String packs) {
        if (packs.isBlank()) {
            return List.of();
        }
        return Arrays.stream(packs.trim().split("\\s+")).map(p -> {
            String[] f = p.split(":");
            return new PackBalance(Long.parseLong(f[0]), "SKU-" + f[0], Long.parseLong(f[1]), LocalDate.parse(f[2]),
                    LocalDate.parse(f[3]));
        }).toList();
    }
}
