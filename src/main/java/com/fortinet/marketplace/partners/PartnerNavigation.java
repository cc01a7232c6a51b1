package com.fortinet.marketplace.partners;

import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.layout.NavItem;
import com.fortinet.marketplace.layout.NavigationContributor;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class PartnerNavigation implements NavigationContributor {
    @Override
    public List<NavItem> items(PortalUser user, Long accountId) {
        return user.isPartner() ? List.of(new NavItem(15, "Customers", "/partner/customers", "partner")) : List.of();
    }
}
