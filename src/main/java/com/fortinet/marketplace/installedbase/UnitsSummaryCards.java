package com.fortinet.marketplace.installedbase;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.Formats;
import com.fortinet.marketplace.layout.SummaryCard;
import com.fortinet.marketplace.layout.SummaryContributor;
import org.springframework.stereotype.Component;

import java.util.List;

/** The account home's installed-base figures: units lapsed or in grace, and units expiring within 30 days. */
@Component
class UnitsSummaryCards implements SummaryContributor {

    private final InstalledBase base;
    private final BusinessClock clock;

    UnitsSummaryCards(InstalledBase base, BusinessClock clock) {
        this.base = base;
        this.clock = clock;
    }

    @Override
    public List<SummaryCard> account(PortalUser user, Account account) {
        InstalledBase.Counts c = base.counts(account.getId(), clock.today());
        String units = "/accounts/" + account.getId() + "/units";
        if (c.units() == 0) {
            return List.of(SummaryCard.of(20, "Units", "0", "No units are registered on this account yet.", units));
        }
        long lapsed = c.lapsed() + c.inGrace();
        SummaryCard lapsedCard = SummaryCard.of(20, "Units lapsed or in grace", Formats.num(lapsed),
                lapsed == 0 ? "Every service is covered." : Formats.num(c.lapsed()) + " lapsed over 10 days ago (a renewal is backdated), "
                        + Formats.num(c.inGrace()) + " in the 10-day grace period", units + "?expiry=" + ExpiryWindow.EXPIRED)
                .level(c.lapsed() > 0 ? "err" : c.inGrace() > 0 ? "warn" : "");
        SummaryCard expiring = SummaryCard.of(21, "Units expiring within 30 days", Formats.num(c.expiring()),
                c.expiring() == 0 ? "Nothing ends in the next 30 days." : "Renewals continue from the current end date.",
                units + "?expiry=" + ExpiryWindow.NEXT_30).level(c.expiring() > 0 ? "warn" : "");
        return List.of(lapsedCard, expiring);
    }

    @Override
    public List<SummaryCard> home(PortalUser user) {
        if (!user.isAdmin()) {
            return List.of();
        }
        return List.of(SummaryCard.of(30, "Units", Formats.num(base.countAll()), "registered on every account; search and edit them",
                "/admin/units"));
    }
}
