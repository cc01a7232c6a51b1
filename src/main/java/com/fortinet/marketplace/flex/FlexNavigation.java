package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.layout.NavItem;
import com.fortinet.marketplace.layout.NavigationContributor;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class FlexNavigation implements NavigationContributor {

    @Override
    public List<NavItem> items(PortalUser user, Long accountId) {
        if (accountId == null) {
            return List.of();
        }
        return List.of(new NavItem(60, "FortiFlex", "/accounts/" + accountId + "/flex", "flex"));
    }
}
