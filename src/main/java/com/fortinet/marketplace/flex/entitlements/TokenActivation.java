package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a VM does the first time it uses its license token: PENDING → ACTIVE, token USED (or, after a regeneration, an
 * ACTIVE entitlement's new token becomes USED). The token is the credential; the caller's address is rate-limited.
 * Unknown and replaced tokens are the same to the caller (404); a used one is 409.
 */
@Service
public class TokenActivation {

    private final Entitlements entitlements;
    private final FlexPrograms programs;
    private final ActivationThrottle throttle;
    private final BusinessClock clock;

    TokenActivation(Entitlements entitlements, FlexPrograms programs, ActivationThrottle throttle, BusinessClock clock) {
        this.entitlements = entitlements;
        this.programs = programs;
        this.throttle = throttle;
        this.clock = clock;
    }

    public record Activated(String serialNumber, EntitlementStatus status) {
    }

    @Transactional
    public Activated activate(String rawToken, String address) {
        return activateAt(rawToken, address, clock.now());
    }

    /** {@code at}: when the VM used the token (now, except for demo history). */
    @Transactional
    public Activated activateAt(String rawToken, String address, Instant at) {
        throttle.check(address);
        String token = Tokens.normalize(rawToken);
        if (token == null) {
            throttle.recordFailure(address);
            throw new InvalidInputException("token", "A license token is 20 letters and digits, as shown in My Assets.");
        }
        Entitlement found = entitlements.findByToken(token).orElse(null);
        if (found == null) {
            throttle.recordFailure(address);
            throw new NotFoundException("No entitlement has this token: it is unknown or was replaced by a newer one.");
        }
        // Program first, then the entitlement: the order every FortiFlex change of an account takes its locks in.
        programs.findByIdForUpdate(found.programId());
        Entitlement e = entitlements.findByIdForUpdate(found.id()).filter(x -> token.equals(x.token()))
                .orElseThrow(() -> new NotFoundException("No entitlement has this token: it is unknown or was replaced by a newer one."));
        if (e.status() == EntitlementStatus.EXPIRED || !e.endDate().isAfter(LocalDate.ofInstant(at, BusinessClock.ZONE))) {
            throw new ConflictException("token", "Entitlement " + e.serialNumber() + " has expired (end date "
                    + e.endDate() + "); its token can no longer be used.");
        }
        var refusal = EntitlementRules.refusal(Action.ACTIVATE, e.status(), false, e.tokenStatus());
        if (refusal.isPresent()) {
            throw new ConflictException("token", "Entitlement " + e.serialNumber() + ": " + refusal.get());
        }
        boolean first = e.status() == EntitlementStatus.PENDING;
        Entitlement after = EntitlementService.with(e, e.configId(), e.description(), EntitlementStatus.ACTIVE, e.endDate(),
                e.followsProgram(), e.token(), TokenStatus.USED);
        entitlements.update(after, at);
        entitlements.insertEvent(after.id(), first ? EventKind.ACTIVATED : EventKind.TOKEN_USED, at, null,
                "License token (VM at " + address + ")", after.status(), after.configId(), after.endDate(), null);
        return new Activated(after.serialNumber(), after.status());
    }
}
