package com.fortinet.marketplace.points;

import com.fortinet.marketplace.admin.AdminLink;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.layout.NavItem;
import com.fortinet.marketplace.layout.NavigationContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class PointsNavigation implements NavigationContributor {

    @Override
    public List<NavItem> items(PortalUser user, Long accountId) {
        if (accountId == null) {
            return List.of();
        }
        return List.of(new NavItem(20, "Points", "/accounts/" + accountId + "/points", "points"));
    }

    @Bean
    AdminLink pointsSkusLink() {
        return new AdminLink(40, "SKU catalogue", "/admin/points-skus", "The pack catalogue: FortiPoints and FortiFlex points SKUs, points per pack.");
    }

    @Bean
    AdminLink registrationCodesLink() {
        return new AdminLink(41, "Registration codes", "/admin/registration-codes", "Issue codes for a SKU in batches; download them as CSV.");
    }

    @Bean
    AdminLink outboxLink() {
        return new AdminLink(90, "Outbox", "/admin/outbox", "E-mails the portal sent or would have sent (points notifications).");
    }
}
