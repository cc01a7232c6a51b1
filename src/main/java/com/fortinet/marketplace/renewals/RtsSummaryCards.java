package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.Formats;
import com.fortinet.marketplace.layout.SummaryCard;
import com.fortinet.marketplace.layout.SummaryContributor;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The renewals desk's home: this quarter's rate, what is due this month, and this month's marketplace orders. */
@Component
class RtsSummaryCards implements SummaryContributor {

    private final RtsReports reports;
    private final TransactionReports transactions;
    private final BusinessClock clock;

    RtsSummaryCards(RtsReports reports, TransactionReports transactions, BusinessClock clock) {
        this.reports = reports;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<SummaryCard> home(PortalUser user) {
        if (!user.isStaff()) {
            return List.of();
        }
        LocalDate today = clock.today();
        Period quarter = Period.quarterOf(today);
        Period month = Period.month(YearMonth.from(today));
        RtsQuery q = new RtsQuery(quarter, RtsFilter.none());
        RtsFigures qf = reports.summary(quarter, RtsFilter.none(), today);
        RtsFigures mf = reports.summary(month, RtsFilter.none(), today);
        RtsQuery m = new RtsQuery(month, RtsFilter.none());
        var orders = transactions.totals(new TransactionReports.Filter(month.from(), month.to(), null, null, false, null, null));
        var backdated = transactions.totals(new TransactionReports.Filter(month.from(), month.to(), null, null, true, null, null));
        return List.of(
                SummaryCard.of(10, "Renewal rate, " + quarter.label(), qf.rateText(), Formats.num(qf.renewed()) + " renewed, "
                        + Formats.num(qf.expired()) + " expired of " + Formats.num(qf.due()) + " due", q.link("/rts")),
                SummaryCard.of(11, "Due in " + month.label(), Formats.num(mf.due()), Formats.num(mf.renewedAnyChannel())
                        + " renewed, " + Formats.num(mf.open()) + " not ended yet, " + Formats.num(mf.inGrace())
                        + " in grace (renewing now is not backdated), " + Formats.num(mf.expired()) + " expired",
                        m.link("/rts/contracts")).level(mf.inGrace() > 0 ? "warn" : ""),
                SummaryCard.of(13, "Marketplace orders, " + month.label(), Formats.num(orders.orders()),
                        Formats.points(orders.points()) + ", " + Formats.num(backdated.orders()) + " backdated",
                        "/rts/transactions?from=" + month.from() + "&to=" + month.to()));
    }
}
