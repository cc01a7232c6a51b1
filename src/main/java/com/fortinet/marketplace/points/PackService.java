package com.fortinet.marketplace.points;

import com.fortinet.marketplace.accounts.AccountLock;
import com.fortinet.marketplace.idempotency.Idempotency;
import com.fortinet.marketplace.idempotency.IdempotentRequest;
import com.fortinet.marketplace.idempotency.Outcome;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;

/** Adds packs to an account (registration codes, admin import, demo data) with their PACK_REGISTERED ledger row. */
@Service
public class PackService {

    public enum Source { REGISTRATION, IMPORT, DEMO }

    /** The PACK_REGISTERED row records the request's Idempotency-Key behind this prefix. */
    static final String KEY_PREFIX = "pack:";

    private final PointsLedger ledger;
    private final PointsSkus skus;
    private final AccountLock accountLock;
    private final Idempotency idempotency;
    private final BusinessClock clock;

    public PackService(PointsLedger ledger, PointsSkus skus, AccountLock accountLock, Idempotency idempotency,
                       BusinessClock clock) {
        this.ledger = ledger;
        this.skus = skus;
        this.accountLock = accountLock;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Admin import of a registration made before the portal existed; idempotent per account and key. */
    public Outcome<PointPack> importPack(long accountId, String sku, LocalDate registeredAt, long userId,
                                         String idempotencyKey) {
        String key = Idempotency.validKey(idempotencyKey);
        return idempotency.run(IdempotentRequest.of(accountId, key, "pack-import", sku, registeredAt), PointPack.class,
                () -> addPack(accountId, sku, registeredAt, Source.IMPORT, userId, "Imported registration",
                        key == null ? null : KEY_PREFIX + key));
    }

    /**
     * Registers a pack of {@code sku} on the account, valid 3 years from {@code registeredAt} (today for new codes,
     * the original date for imports). An imported registration whose 3 years are already over is recorded as registered
     * and expired at once (DESIGN §2): the ledger gets its PACK_REGISTERED and PACK_EXPIRED rows, the balance doesn't
     * change, and migrated history is complete.
     */
    @Transactional
    public PointPack addPack(long accountId, String sku, LocalDate registeredAt, Source source, Long userId, String reference) {
        return addPack(accountId, sku, registeredAt, source, userId, reference, null);
    }

    /** {@code idempotencyKey} lands on the PACK_REGISTERED row (unique per account there). */
    @Transactional
    public PointPack addPack(long accountId, String sku, LocalDate registeredAt, Source source, Long userId, String reference,
                             String idempotencyKey) {
        return addPackAsOf(accountId, sku, registeredAt, source, userId, reference, idempotencyKey, clock.today());
    }

    /** As if registered on {@code today}: the demo seed builds a history with it, in date order. */
    @Transactional
    PointPack addPackAsOf(long accountId, String sku, LocalDate registeredAt, Source source, Long userId, String reference,
                          String idempotencyKey, LocalDate today) {
        PointsSku catalogue = skus.require(sku, SkuKind.FORTIPOINTS);
        if (registeredAt == null) {
            throw new InvalidInputException("registeredAt", "Enter the registration date (YYYY-MM-DD).");
        }
        if (registeredAt.isAfter(today)) {
            throw new InvalidInputException("registeredAt", "The registration date " + registeredAt + " is in the future.");
        }
        LocalDate expiresAt = PackValidity.expiresAt(registeredAt);
        boolean expired = !PackValidity.isSpendable(expiresAt, today);
        if (expired && source != Source.IMPORT) {
            throw new BusinessRuleException("Pack already expired", "A pack registered on " + registeredAt
                    + " expired on " + expiresAt + "; it can't be added.");
        }
        accountLock.lock(accountId);
        ledger.writeOffExpired(accountId, today);
        long packId = ledger.insertPack(accountId, catalogue.sku(), catalogue.points(), registeredAt, expiresAt, source.name(), userId);
        long after = ledger.ledgerBalanceForUpdate(accountId);
        String ref = reference == null ? catalogue.sku() : reference;
        ledger.append(accountId, LedgerKind.PACK_REGISTERED, catalogue.points(), after,
                expired ? ref + " (registered " + registeredAt + ", expired " + expiresAt + ")" : ref,
                SpendingService.blankToNull(idempotencyKey), packId, today);
        if (expired) {
            ledger.writeOffExpired(accountId, today);
        }
        return ledger.pack(packId).orElseThrow();
    }
}
