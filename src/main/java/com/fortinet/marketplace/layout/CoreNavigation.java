package com.fortinet.marketplace.layout;

import com.fortinet.marketplace.security.PortalUser;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

@Component
class CoreNavigation implements NavigationContributor {

    @Override
    public List<NavItem> items(PortalUser user, Long accountId) {
        List<NavItem> items = new ArrayList<>();
        items.add(new NavItem(0, "Home", "/", "home"));
        if (user.role().readsEveryAccount()) {
            items.add(new NavItem(10, "Accounts", "/accounts", "accounts"));
        }
        if (user.isAdmin()) {
            items.add(new NavItem(900, "Admin", "/admin", "admin"));
        }
        return items;
    }
}
