package com.fortinet.marketplace.points;

import com.fortinet.marketplace.accounts.AccountLock;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
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

    /**
     * The account's points locked for a spend in this transaction: the account row, then its packs in one read, the
     * expired ones written off first so each ledger row's balanceAfter is the spendable balance. A caller that needs
     * the balance before it decides (an order's quote) locks once and spends from what it locked.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Spendable lockSpendable(long accountId) {
        accountLock.lock(accountId);
        var today = clock.today();
        return new Spendable(accountId, today, ledger.writeOffExpired(accountId, today, ledger.packsWithPointsForUpdate(accountId)));
    }

    /**
     * The packs that can pay now, locked by {@link #lockSpendable} in this transaction, in FIFO order. Good for one
     * spend: after it the packs' remaining points are no longer these.
     */
    public static final class Spendable {
        private final long accountId;
        private final LocalDate today;
        private final List<PackBalance> packs;
        private boolean spent;

        Spendable(long accountId, LocalDate today, List<PackBalance> packs) {
            this.accountId = accountId;
            this.today = today;
            this.packs = List.copyOf(packs);
        }

        public long balance() {
            return packs.stream().mapToLong(PackBalance::remaining).sum();
        }

        private void markSpent() {
            if (spent) {
                throw new IllegalStateException("these locked packs have paid once already; lock them again");
            }
            spent = true;
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public SpendResult spend(SpendRequest request) {
        validate(request);
        return charge(lockSpendable(request.accountId()), request);
    }

    /** Spends from packs this transaction locked (see {@link #lockSpendable}); the request's account must be theirs. */
    @Transactional(propagation = Propagation.MANDATORY)
    public SpendResult spend(Spendable locked, SpendRequest request) {
        validate(request);
        if (locked.accountId != request.accountId()) {
            throw new IllegalArgumentException("packs of account " + locked.accountId + " can't pay for account " + request.accountId());
        }
        return charge(locked, request);
    }

    private SpendResult charge(Spendable locked, SpendRequest request) {
        locked.markSpent();
        long before = locked.balance();
        List<Allocation> allocations = FifoAllocator.allocate(locked.packs, request.points(), locked.today);
        allocations.forEach(a -> ledger.take(a.packId(), a.points()));
        long after = before - request.points();
        long entryId = ledger.append(request.accountId(), request.kind(), -request.points(), after, request.reference(),
                blankToNull(request.idempotencyKey()), null);
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
