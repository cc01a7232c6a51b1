package com.fortinet.marketplace.layout;

import com.fortinet.marketplace.security.PortalUser;

import java.util.List;

/**
 * Each feature adds its own header links, so the shared layout never changes when a feature is added.
 * {@code accountId} is the account the user is acting on (null for staff/admins with none chosen).
 */
public interface NavigationContributor {
    List<NavItem> items(PortalUser user, Long accountId);
}
