package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.database.Transactions;
import com.fortinet.marketplace.idempotency.Idempotency;
import com.fortinet.marketplace.idempotency.IdempotentRequest;
import com.fortinet.marketplace.idempotency.RequestInProgressException;
import com.fortinet.marketplace.points.CodeFormat;
import com.fortinet.marketplace.points.PointsSkus;
import com.fortinet.marketplace.points.RegistrationAttempts;
import com.fortinet.marketplace.points.RegistrationCodes;
import com.fortinet.marketplace.points.SkuKind;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A user registers the code of a FortiFlex points pack onto the account's prepaid program (DESIGN §4.1). The same
 * codes, batches, SKU-shaped-code message and per-user limit of failed attempts as FortiPoints registration; a code of
 * the other kind is refused with where it belongs. The pack row, the code's mark and the PACK_IN credit are written in
 * one transaction under the program row lock, after any roll-over due.
 */
@Service
public class FlexPackRegistration {

    public static final String WRONG_KIND_MESSAGE = "This registration code is for a FortiPoints pack, not FortiFlex "
            + "points: register it on the account's Points page (Points → Register points). Nothing was registered.";

    public record Registered(FlexPack pack, FlexPoints balance, boolean replayed) {
        Registered asReplay() {
            return new Registered(pack, balance, true);
        }
    }

    private final AccountScope scope;
    private final RegistrationAttempts attempts;
    private final RegistrationCodes codes;
    private final PointsSkus skus;
    private final FlexPrograms programs;
    private final FlexPacks packs;
    private final FlexLedger ledger;
    private final FlexRollOver rollOver;
    private final BusinessClock clock;
    private final Idempotency idempotency;
    private final Transactions tx;

    FlexPackRegistration(AccountScope scope, RegistrationAttempts attempts, RegistrationCodes codes, PointsSkus skus,
                         FlexPrograms programs, FlexPacks packs, FlexLedger ledger, FlexRollOver rollOver,
                         BusinessClock clock, Idempotency idempotency, Transactions tx) {
        this.scope = scope;
        this.attempts = attempts;
        this.codes = codes;
        this.skus = skus;
        this.programs = programs;
        this.packs = packs;
        this.ledger = ledger;
        this.rollOver = rollOver;
        this.clock = clock;
        this.idempotency = idempotency;
        this.tx = tx;
    }

    /** Why this account can't take a FortiFlex points pack today, or empty. */
    public Optional<PrepaidCredit.Refusal> refusal(long accountId) {
        return PrepaidCredit.PACK.refusal(programs.findByAccount(accountId).orElse(null), clock.today());
    }

    /**
     * Refusals in the order a person can act on them: a repeated key answers the first registration (see
     * {@link Idempotency}); then the program (422, no attempt counted: nothing was guessed); then the code (400
     * SKU-shaped / malformed / unknown, 409 already registered: these count towards the limit); then its kind (422).
     */
    public Registered register(PortalUser user, long accountId, String registrationCode, String idempotencyKey) {
        scope.requireWritable(user, accountId);
        String key = Idempotency.validKey(idempotencyKey);
        attempts.check(user.userId());
        if (registrationCode == null || registrationCode.isBlank()) {
            throw new InvalidInputException("registrationCode", "Enter the registration code from your Service Registration Document.");
        }
        try {
            var outcome = idempotency.run(IdempotentRequest.of(accountId, key, "flex-pack-registration",
                            CodeFormat.normalize(registrationCode)), Registered.class,
                    () -> registerInTransaction(accountId, registrationCode, key, user.userId()));
            return outcome.replayed() ? outcome.result().asReplay() : outcome.result();
        } catch (RequestInProgressException e) {
            throw e; // a double submit, not a wrong code
        } catch (InvalidInputException | ConflictException e) {
            attempts.recordFailure(user.userId());
            throw e;
        }
    }

    /** Demo data and tests: a user of the account registers a code, without the scope and attempt checks. */
    Registered registerWithoutChecks(long accountId, String code, long userId) {
        return tx.inTransaction(() -> registerInTransaction(accountId, code, null, userId));
    }

    private Registered registerInTransaction(long accountId, String typed, String key, long userId) {
        LocalDate today = clock.today();
        FlexProgram program = programs.findByAccountForUpdate(accountId).orElse(null);
        PrepaidCredit.PACK.require(program, today);
        RegistrationCodes.Code code = codes.claim(typed);
        if (code.registered()) {
            throw RegistrationCodes.alreadyRegistered();
        }
        if (code.kind() != SkuKind.FORTIFLEX) {
            throw new BusinessRuleException("FortiPoints code", WRONG_KIND_MESSAGE);
        }
        FlexPoints points = FlexPoints.of(skus.require(code.sku(), SkuKind.FORTIFLEX).points());
        rollOver.applyDue(program, today);
        long packId = packs.insert(accountId, program.id(), code.sku(), points, today, key, userId);
        codes.markRegisteredAsFlexPack(code.id(), packId);
        ledger.append(program.id(), FlexLedgerKind.PACK_IN, points, today, "FortiFlex points pack " + code.sku()
                + ", code " + CodeFormat.masked(code.code()), null, packId);
        return new Registered(packs.find(accountId, packId).orElseThrow(), ledger.balance(program.id()), false);
    }
}
