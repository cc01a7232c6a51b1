package com.fortinet.marketplace.layout;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.security.PortalUser;

import java.util.List;

/**
 * Each feature puts its own figures on the home pages (like {@link NavigationContributor} for links), so the home
 * pages never need to know every feature: an account's home ({@code account}) and the home of staff and admins
 * ({@code home}).
 */
public interface SummaryContributor {

    default List<SummaryCard> account(PortalUser user, Account account) {
        return List.of();
    }

    default List<SummaryCard> home(PortalUser user) {
        return List.of();
    }
}
