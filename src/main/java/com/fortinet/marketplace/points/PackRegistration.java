package com.fortinet.marketplace.points;

import com.fortinet.marketplace.idempotency.Idempotency;
import com.fortinet.marketplace.idempotency.IdempotentRequest;
import com.fortinet.marketplace.idempotency.RequestInProgressException;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * A user registers the code from a Service Registration Document on an account in their scope. Every refusal
 * changes nothing but counts towards the per-user limit of failed attempts. A double submit (same key, same code)
 * answers the first registration ({@link Idempotency}).
 */
@Service
public class PackRegistration {

    public static final String SKU_MESSAGE = "That is a SKU, not a registration code: enter the registration code from your Service Registration Document.";

    public record Registered(PointPack pack, long balance, boolean replayed) {
        Registered asReplay() {
            return new Registered(pack, balance, true);
        }
    }

    private final AccountScope scope;
    private final RegistrationAttempts attempts;
    private final RegistrationCodes codes;
    private final PointsSkus skus;
    private final PackService packs;
    private final PointsLedger ledger;
    private final BusinessClock clock;
    private final Idempotency idempotency;

    PackRegistration(AccountScope scope, RegistrationAttempts attempts, RegistrationCodes codes, PointsSkus skus,
                     PackService packs, PointsLedger ledger, BusinessClock clock, Idempotency idempotency) {
        this.scope = scope;
        this.attempts = attempts;
        this.codes = codes;
        this.skus = skus;
        this.packs = packs;
        this.ledger = ledger;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    public Registered register(PortalUser user, long accountId, String registrationCode, String idempotencyKey) {
        scope.requireWritable(user, accountId);
        String key = Idempotency.validKey(idempotencyKey);
        attempts.check(user.userId());
        if (registrationCode == null || registrationCode.isBlank()) {
            throw new InvalidInputException("registrationCode", "Enter the registration code from your Service Registration Document.");
        }
        try {
            var outcome = idempotency.run(IdempotentRequest.of(accountId, key, "pack-registration",
                            CodeFormat.normalize(registrationCode)), Registered.class,
                    () -> registerInTransaction(user, accountId, registrationCode, key));
            return outcome.replayed() ? outcome.result().asReplay() : outcome.result();
        } catch (RequestInProgressException e) {
            throw e; // a double submit, not a wrong code
        } catch (InvalidInputException | ConflictException e) {
            attempts.recordFailure(user.userId());
            throw e;
        }
    }

    private Registered registerInTransaction(PortalUser user, long accountId, String raw, String key) {
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
        if (found.packId() != null) {
            throw new ConflictException("registrationCode", "This registration code has already been registered; each code "
                    + "can be registered once. If you did not register it, contact Fortinet Customer Service.");
        }
        PointPack pack = packs.addPack(accountId, found.sku(), clock.today(), PackService.Source.REGISTRATION, user.userId(),
                "Code " + CodeFormat.masked(code), key == null ? null : PackService.KEY_PREFIX + key);
        codes.markRegistered(found.id(), pack.id());
        return new Registered(pack, ledger.balance(accountId, clock.today()), false);
    }
}
