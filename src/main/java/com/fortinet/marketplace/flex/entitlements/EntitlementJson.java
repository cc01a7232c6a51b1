package com.fortinet.marketplace.flex.entitlements;

import java.time.LocalDate;

/**
 * An entitlement as the API shows it, with FortiFlex's field names (DESIGN §7, §8). {@code token} null for hardware,
 * masked for read-only users. {@code terminationMode}: FOLLOW_PROGRAM or USER_DEFINED.
 */
public record EntitlementJson(String serialNumber, long accountId, long configId, int productTypeId, String description,
                              EntitlementStatus status, LocalDate startDate, LocalDate endDate, String terminationMode,
                              String token, TokenStatus tokenStatus) {

    public static EntitlementJson of(Entitlement e, boolean showToken) {
        return new EntitlementJson(e.serialNumber(), e.accountId(), e.configId(), e.productTypeId(), e.description(),
                e.status(), e.startDate(), e.endDate(), e.followsProgram() ? "FOLLOW_PROGRAM" : "USER_DEFINED",
                Tokens.shown(e.token(), showToken), e.tokenStatus());
    }
}
