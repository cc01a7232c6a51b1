package com.fortinet.marketplace.flex;

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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate tx;

    FlexPackRegistration(AccountScope scope, RegistrationAttempts attempts, RegistrationCodes codes, PointsSkus skus,
                         FlexPrograms programs, FlexPacks packs, FlexLedger ledger, FlexRollOver rollOver,
                         BusinessClock clock, TransactionTemplate tx) {
        this.scope = scope;
        this.attempts = attempts;
        this.codes = codes;
        this.skus = skus;
        this.programs = programs;
        this.packs = packs;
        this.ledger = ledger;
        this.rollOver = rollOver;
        this.clock = clock;
        this.tx = tx;
    }

    /** Why this account can't take a FortiFlex points pack today, or empty. */
    public Optional<PrepaidCredit.Refusal> refusal(long accountId) {
        return PrepaidCredit.PACK.refusal(programs.findByAccount(accountId).orElse(null), clock.today());
    }

    /**
     * Refusals in the order a person can act on them: a repeated key answers the first registration; then the program
     * (422, no attempt counted: nothing was guessed); then the code (400 SKU-shaped / malformed / unknown, 409 already
     * registered: these count towards the limit); then its kind (422).
     */
    public Registered register(PortalUser user, long accountId, String registrationCode, String idempotencyKey) {
        scope.requireWritable(user, accountId);
        attempts.check(user.userId());
        if (registrationCode == null || registrationCode.isBlank()) {
            throw new InvalidInputException("registrationCode", "Enter the registration code from your Service Registration Document.");
        }
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 100) {
            throw new InvalidInputException("idempotencyKey", "Idempotency keys are at most 100 characters.");
        }
        try {
            return tx.execute(s -> registerInTransaction(accountId, registrationCode, key, user.userId()));
        } catch (InvalidInputException | ConflictException e) {
            attempts.recordFailure(user.userId());
            throw e;
        } catch (DuplicateKeyException e) {
            throw new ConflictException("idempotencyKey", "This idempotency key was already used on this account for another "
                    + "request; use a new key for a new registration.");
        }
    }

    /** Demo data and tests: a user of the account registers a code, without the scope and attempt checks. */
    Registered registerWithoutChecks(long accountId, String code, long userId) {
        return tx.execute(s -> registerInTransaction(accountId, code, null, userId));
    }

    private Registered registerInTransaction(long accountId, String typed, String key, long userId) {
        LocalDate today = clock.today();
        FlexProgram program = programs.findByAccountForUpdate(accountId).orElse(null);
        if (key != null) {
            Optional<FlexPack> first = packs.findByKeyForUpdate(accountId, key);
            if (first.isPresent()) {
                if (!packs.codeOf(first.get().id()).orElse("").equals(CodeFormat.normalize(typed))) {
                    throw new BusinessRuleException("Idempotency key reused", "This idempotency key was already used on "
                            + "this account to register another code; use a new key for a new registration. Nothing was registered.");
                }
                return new Registered(first.get(), ledger.balance(first.get().programId()), true);
            }
        }
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
