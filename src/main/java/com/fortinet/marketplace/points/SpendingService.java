package com.fortinet.marketplace.points;

import com.fortinet.marketplace.accounts.AccountLock;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The one way points leave an account (orders, FortiFlex transfers). Callers run it inside their own transaction so
 * their rows and the charge commit or roll back together; a repeated request is answered before it gets here
 * ({@link com.fortinet.marketplace.idempotency.Idempotency}), so every call is a new charge.
 */
@Service
public class SpendingService {

    /** The ledger row's key: the request's Idempotency-Key (≤ 100) behind a short prefix such as {@code order:}. */
    public static final int MAX_KEY_LENGTH = 120;

    private final AccountLock accountLock;
    private final PointsLedger ledger;
    private final BusinessClock clock;

    public SpendingService(AccountLock accountLock, PointsLedger ledger, BusinessClock clock) {
        this.accountLock = accountLock;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Spendable balance now: sum of remaining over packs with expiresAt > today (business date). */
    public long balance(long accountId) {
        return ledger.balance(accountId, clock.today());
    }

    /** FIFO preview without writing anything. */
    public List<Allocation> previewAllocation(long accountId, long points) {
        return FifoAllocator.allocate(ledger.spendablePacks(accountId, clock.today()), points, clock.today());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public SpendResult spend(SpendRequest request) {
        validate(request);
        long accountId = request.accountId();
        accountLock.lock(accountId);
        String key = blankToNull(request.idempotencyKey());
        var today = clock.today();
        // Expired points leave the ledger first, so each row's balanceAfter is the spendable balance.
        ledger.writeOffExpired(accountId, today);
        List<PackBalance> packs = ledger.spendablePacksForUpdate(accountId, today);
        long before = packs.stream().mapToLong(PackBalance::remaining).sum();
        List<Allocation> allocations = FifoAllocator.allocate(packs, request.points(), today);
        allocations.forEach(a -> ledger.take(a.packId(), a.points()));
        long after = before - request.points();
        long entryId = ledger.append(accountId, request.kind(), -request.points(), after, request.reference(), key, null);
        ledger.allocate(entryId, allocations);
        return new SpendResult(entryId, request.points(), before, after, allocations);
    }

    private static void validate(SpendRequest r) {
        if (r.kind() == null || !r.kind().isSpend()) {
            throw new IllegalArgumentException("Only ORDER_CHARGED and FLEX_TRANSFER spend points, not " + r.kind());
        }
        if (r.points() < 1) {
            throw new InvalidInputException("points", "Points must be a whole number of at least 1.");
        }
        if (r.idempotencyKey() != null && r.idempotencyKey().codePointCount(0, r.idempotencyKey().length()) > MAX_KEY_LENGTH) {
            throw new InvalidInputException("idempotencyKey", "The idempotency key is at most " + MAX_KEY_LENGTH + " characters.");
        }
        if (r.reference() != null && r.reference().length() > 100) {
            throw new IllegalArgumentException("reference is at most 100 characters");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
