package com.fortinet.marketplace.points;

import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user registers the code from a Service Registration Document on an account in their scope. Every refusal
 * changes nothing but counts towards the per-user limit of failed attempts.
 */
@Service
public class PackRegistration {

    public static final String SKU_MESSAGE = "That is a SKU, not a registration code: enter the registration code from your Service Registration Document.";

    public record Registered(PointPack pack, long balance, boolean replayed) {
    }

    private final AccountScope scope;
    private final RegistrationAttempts attempts;
    private final RegistrationCodes codes;
    private final PointsSkus skus;
    private final PackService packs;
    private final PointsLedger ledger;
    private final BusinessClock clock;
    private final TransactionTemplate tx;

    PackRegistration(AccountScope scope, RegistrationAttempts attempts, RegistrationCodes codes, PointsSkus skus,
                     PackService packs, PointsLedger ledger, BusinessClock clock, TransactionTemplate tx) {
        this.scope = scope;
        this.attempts = attempts;
        this.codes = codes;
        this.skus = skus;
        this.packs = packs;
        this.ledger = ledger;
        this.clock = clock;
        this.tx = tx;
    }

    public Registered register(PortalUser user, long accountId, String registrationCode, String idempotencyKey) {
        scope.requireWritable(user, accountId);
        attempts.check(user.userId());
        if (registrationCode == null || registrationCode.isBlank()) {
            throw new InvalidInputException("registrationCode", "Enter the registration code from your Service Registration Document.");
        }
        try {
            return tx.execute(s -> registerInTransaction(user, accountId, registrationCode, idempotencyKey));
        } catch (InvalidInputException | ConflictException e) {
            attempts.recordFailure(user.userId());
            throw e;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException("idempotencyKey", "This idempotency key was already used on this account for another "
                    + "request; use a new key for a new registration.");
        }
    }

    private Registered registerInTransaction(PortalUser user, long accountId, String raw, String idempotencyKey) {
        if (skus.isSku(raw)) {
            throw new InvalidInputException("registrationCode", SKU_MESSAGE);
        }
        String code = CodeFormat.normalize(raw);
        if (!CodeFormat.isWellFormed(code)) {
            throw new InvalidInputException("registrationCode", "That is not a registration code: a code has 20 letters and digits, "
                    + "shown in five groups like K7QF-9MZD-3XWA-PT2H-8RCE. Check it against your Service Registration Document.");
        }
        RegistrationCodes.Code found = codes.findForUpdate(code).orElseThrow(() -> new InvalidInputException("registrationCode",
                "This registration code is not known. Check it against your Service Registration Document; "
                        + "if it is correct, contact Fortinet Customer Service."));
        String key = SpendingService.blankToNull(idempotencyKey);
        if (found.packId() != null) {
            // A double submit of the same form registers once and shows the first result.
            if (key != null && found.accountId() != null && found.accountId() == accountId) {
                var first = ledger.entryForPack(found.packId());
                if (first.isPresent() && key.equals(first.get().idempotencyKey())) {
                    return new Registered(ledger.pack(found.packId()).orElseThrow(), ledger.balance(accountId, clock.today()), true);
                }
            }
            throw new ConflictException("registrationCode", "This registration code has already been registered; each code "
                    + "can be registered once. If you did not register it, contact Fortinet Customer Service.");
        }
        PointPack pack = packs.addPack(accountId, found.sku(), clock.today(), PackService.Source.REGISTRATION, user.userId(),
                "Code " + CodeFormat.masked(code), key);
        codes.markRegistered(found.id(), pack.id());
        return new Registered(pack, ledger.balance(accountId, clock.today()), false);
    }
}
