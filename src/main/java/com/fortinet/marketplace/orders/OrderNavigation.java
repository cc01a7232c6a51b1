package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.layout.NavItem;
import com.fortinet.marketplace.layout.NavigationContributor;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class OrderNavigation implements NavigationContributor {
    @Override
    public List<NavItem> items(PortalUser user, Long accountId) {
        if (accountId == null) {
            return List.of();
        }
        return List.of(new NavItem(40, "Marketplace", "/accounts/" + accountId + "/marketplace", "marketplace"),
                new NavItem(50, "History", "/accounts/" + accountId + "/orders", "history"));
    }
}
