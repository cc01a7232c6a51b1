package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.layout.NavItem;
import com.fortinet.marketplace.layout.NavigationContributor;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class RenewalsNavigation implements NavigationContributor {
    @Override
    public List<NavItem> items(PortalUser user, Long accountId) {
        if (!user.isStaff()) {
            return List.of();
        }
        return List.of(new NavItem(70, "RTS", "/rts", "rts"),
                new NavItem(75, "Transactions", "/rts/transactions", "transactions"));
    }
}
