package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.Formats;
import com.fortinet.marketplace.layout.SummaryCard;
import com.fortinet.marketplace.layout.SummaryContributor;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.util.List;

/** The account home's last marketplace order. */
@Component
class OrdersSummaryCards implements SummaryContributor {

    private final Orders orders;

    OrdersSummaryCards(Orders orders) {
        this.orders = orders;
    }

    @Override
    public List<SummaryCard> account(PortalUser user, Account account) {
        var last = orders.history(account.getId(), new Orders.HistoryFilter(null, null, null), PageRequest.of(0, 1));
        if (last.isEmpty()) {
            return List.of(SummaryCard.of(30, "Last order", "None yet",
                    "Renew, co-term or upgrade services in the Marketplace.", "/accounts/" + account.getId() + "/marketplace"));
        }
        OrderView o = last.getContent().get(0);
        return List.of(SummaryCard.of(30, "Last order", o.transactionNumber(), o.type().label() + " on " + o.businessDate()
                        + ", " + Formats.points(o.totalPoints()) + (o.paidByOtherAccount() ? " paid by " + o.payingAccountName() : ""),
                "/accounts/" + account.getId() + "/orders/" + o.transactionNumber()));
    }
}
