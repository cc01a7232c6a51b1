package com.fortinet.marketplace.installedbase;

import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.layout.NavItem;
import com.fortinet.marketplace.layout.NavigationContributor;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class InstalledBaseNavigation implements NavigationContributor {
    @Override
    public List<NavItem> items(PortalUser user, Long accountId) {
        return accountId == null ? List.of() : List.of(new NavItem(30, "Units", "/accounts/" + accountId + "/units", "units"));
    }
}
