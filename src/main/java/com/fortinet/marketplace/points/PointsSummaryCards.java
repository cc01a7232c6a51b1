package com.fortinet.marketplace.points;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.Formats;
import com.fortinet.marketplace.layout.SummaryCard;
import com.fortinet.marketplace.layout.SummaryContributor;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/** The account home's FortiPoints figures: the balance and what expires within 90 days. */
@Component
class PointsSummaryCards implements SummaryContributor {

    private final PointsQueries queries;

    PointsSummaryCards(PointsQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<SummaryCard> account(PortalUser user, Account account) {
        PointsSummary s = queries.summary(account.getId());
        String points = "/accounts/" + account.getId() + "/points";
        SummaryCard balance = SummaryCard.of(10, "FortiPoints balance", Formats.num(s.balance()),
                s.packs().isEmpty() ? "No packs yet: register the code from your Service Registration Document."
                        : Formats.num(s.used()) + " used and " + Formats.num(s.expired()) + " expired of "
                        + Formats.num(s.registered()) + " registered",
                s.packs().isEmpty() ? points + "/register" : points);
        LocalDate firstExpiry = s.packs().stream()
                .filter(p -> p.remaining() > 0 && PackValidity.isSpendable(p.expiresAt(), s.today())
                        && !p.expiresAt().isAfter(s.today().plusDays(PackValidity.SOON_DAYS)))
                .map(PointPack::expiresAt).min(LocalDate::compareTo).orElse(null);
        SummaryCard expiring = SummaryCard.of(11, "Points expiring within 90 days", Formats.num(s.expiringIn90Days()),
                firstExpiry == null ? "Nothing expires in the next 90 days."
                        : "The first expire on " + firstExpiry + ": spend them first.", points)
                .level(firstExpiry == null ? "" : "warn");
        return List.of(balance, expiring);
    }
}
