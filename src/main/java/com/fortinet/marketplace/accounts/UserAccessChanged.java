package com.fortinet.marketplace.accounts;

/**
 * A user's credentials or access changed: disabled, password changed or reset, role, permission or account changed.
 * Published by {@link UserService} inside the change's transaction; the security package listens and ends the user's
 * other sessions once the change is committed (DESIGN §9), so a session opened before the change can't act on it.
 */
public record UserAccessChanged(long userId, String email, Reason reason) {

    public enum Reason {
        DISABLED, PASSWORD_CHANGED, PASSWORD_RESET, ACCESS_CHANGED
    }
}
