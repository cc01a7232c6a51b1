package com.fortinet.marketplace.layout;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.security.PortalUser;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Collects the cards of every {@link SummaryContributor}, in their order. */
@Component
public class SummaryCards {

    private final List<SummaryContributor> contributors;

    public SummaryCards(List<SummaryContributor> contributors) {
        this.contributors = contributors;
    }

    public List<SummaryCard> forAccount(PortalUser user, Account account) {
        return collect(c -> c.account(user, account));
    }

    public List<SummaryCard> forHome(PortalUser user) {
        return collect(c -> c.home(user));
    }

    private List<SummaryCard> collect(Function<SummaryContributor, List<SummaryCard>> cards) {
        return contributors.stream().flatMap(c -> cards.apply(c).stream())
                .sorted(Comparator.comparingInt(SummaryCard::order)).toList();
    }
}
