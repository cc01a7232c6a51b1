package com.fortinet.marketplace.points;

import com.fortinet.marketplace.web.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Takes points from the pack that expires first (expiresAt, registeredAt, id), skipping expired and empty packs. */
public final class FifoAllocator {

    public static final Comparator<PackBalance> ORDER = Comparator.comparing(PackBalance::expiresAt)
            .thenComparing(PackBalance::registeredAt)
            .thenComparingLong(PackBalance::packId);

    private FifoAllocator() {
    }

    /** @throws InsufficientPointsException when the spendable packs hold fewer than {@code points} */
    public static List<Allocation> allocate(Collection<PackBalance> packs, long points, LocalDate today) {
        if (points < 1) {
            throw new InvalidInputException("points", "Points must be a whole number of at least 1.");
        }
        List<PackBalance> spendable = packs.stream()
                .filter(p -> p.remaining() > 0 && PackValidity.isSpendable(p.expiresAt(), today))
                .sorted(ORDER)
                .toList();
        long balance = spendable.stream().mapToLong(PackBalance::remaining).sum();
        if (balance < points) {
            throw new InsufficientPointsException(balance, points);
        }
        List<Allocation> result = new ArrayList<>();
        long left = points;
        for (PackBalance p : spendable) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, p.remaining());
            result.add(new Allocation(p.packId(), p.sku(), take, p.expiresAt()));
            left -= take;
        }
        return List.copyOf(result);
    }
}
