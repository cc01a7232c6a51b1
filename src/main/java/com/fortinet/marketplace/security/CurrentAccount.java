package com.fortinet.marketplace.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;

/** Which account a partner (or staff member) is acting on now; the header switcher sets it. */
@Component
public class CurrentAccount {

    static final String ATTRIBUTE = "currentAccountId";

    private final AccountScope scope;

    public CurrentAccount(AccountScope scope) {
        this.scope = scope;
    }

    public Long get(PortalUser user, HttpSession session) {
        Object chosen = session == null ? null : session.getAttribute(ATTRIBUTE);
        if (chosen instanceof Long id && scope.canSee(user, id)) {
            return id;
        }
        return user.accountId();
    }

    public void set(PortalUser user, HttpSession session, long accountId) {
        scope.requireVisible(user, accountId);
        session.setAttribute(ATTRIBUTE, accountId);
    }
}
