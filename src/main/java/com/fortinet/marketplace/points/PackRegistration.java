package com.fortinet.marketplace.points;

import com.fortinet.marketplace.idempotency.Idempotency;
import com.fortinet.marketplace.idempotency.IdempotentRequest;
import com.fortinet.marketplace.idempotency.RequestInProgressException;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
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
    public static final String WRONG_KIND_MESSAGE = "This registration code is for a FortiFlex points pack, not FortiPoints: "
            + "register it on the account's FortiFlex page (FortiFlex → Register a FortiFlex points pack), where it is added "
            + "to the prepaid FortiFlex program. Nothing was registered.";

    public record Registered(PointPack pack, long balance, boolean replayed) {
        Registered asReplay() {
            return new Registered(pack, balance, true);
        }
    }

    private final AccountScope scope;
    private final RegistrationAttempts attempts;
    private final RegistrationCodes codes;
    private final PackService packs;
    private final PointsLedger ledger;
    private final BusinessClock clock;
    private final Idempotency idempotency;

    PackRegistration(AccountScope scope, RegistrationAttempts attempts, RegistrationCodes codes,
                     PackService packs, PointsLedger ledger, BusinessClock clock, Idempotency idempotency) {
        this.scope = scope;
        this.attempts = attempts;
        this.codes = codes;
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
        RegistrationCodes.Code found = codes.claim(raw);
        String code = found.code();
        if (found.registered()) {
            throw RegistrationCodes.alreadyRegistered();
        }
        if (found.kind() != SkuKind.FORTIPOINTS) {
            throw new BusinessRuleException("FortiFlex points code", WRONG_KIND_MESSAGE);
        }
        PointPack pack = packs.addPack(accountId, found.sku(), clock.today(), PackService.Source.REGISTRATION, user.userId(),
                "Code " + CodeFormat.masked(code), key == null ? null : PackService.KEY_PREFIX + key);
        codes.markRegistered(found.id(), pack.id());
        return new Registered(pack, ledger.balance(accountId, clock.today()), false);
    }
}
