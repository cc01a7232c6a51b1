package com.fortinet.marketplace.points;

import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
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
    public static final String WRONG_KIND_MESSAGE = "This registration code is for a FortiFlex points pack, not FortiPoints: "
            + "register it on the account's FortiFlex page (FortiFlex → Register a FortiFlex points pack), where it is added "
            + "to the prepaid FortiFlex program. Nothing was registered.";

    public record Registered(PointPack pack, long balance, boolean replayed) {
    }

    private final AccountScope scope;
    private final RegistrationAttempts attempts;
    private final RegistrationCodes codes;
    private final PackService packs;
    private final PointsLedger ledger;
    private final BusinessClock clock;
    private final TransactionTemplate tx;

    PackRegistration(AccountScope scope, RegistrationAttempts attempts, RegistrationCodes codes,
                     PackService packs, PointsLedger ledger, BusinessClock clock, TransactionTemplate tx) {
        this.scope = scope;
        this.attempts = attempts;
        this.codes = codes;
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
        RegistrationCodes.Code found = codes.claim(raw);
        String code = found.code();
        String key = SpendingService.blankToNull(idempotencyKey);
        if (found.registered()) {
            // A double submit of the same form registers once and shows the first result.
            if (key != null && found.accountId() != null && found.accountId() == accountId) {
                var first = ledger.entryForPack(found.packId());
                if (first.isPresent() && key.equals(first.get().idempotencyKey())) {
                    return new Registered(ledger.pack(found.packId()).orElseThrow(), ledger.balance(accountId, clock.today()), true);
                }
            }
            throw RegistrationCodes.alreadyRegistered();
        }
        if (found.kind() != SkuKind.FORTIPOINTS) {
            throw new BusinessRuleException("FortiFlex points code", WRONG_KIND_MESSAGE);
        }
        PointPack pack = packs.addPack(accountId, found.sku(), clock.today(), PackService.Source.REGISTRATION, user.userId(),
                "Code " + CodeFormat.masked(code), key);
        codes.markRegistered(found.id(), pack.id());
        return new Registered(pack, ledger.balance(accountId, clock.today()), false);
    }
}
