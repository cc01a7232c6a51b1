package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.layout.SummaryCard;
import com.fortinet.marketplace.layout.SummaryContributor;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/** The account home's FortiFlex figure: the prepaid program's balance, or what kind of program the account has. */
@Component
class FlexSummaryCards implements SummaryContributor {

    private final FlexProgramService programs;
    private final FlexLedger ledger;
    private final BusinessClock clock;

    FlexSummaryCards(FlexProgramService programs, FlexLedger ledger, BusinessClock clock) {
        this.programs = programs;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public List<SummaryCard> account(PortalUser user, Account account) {
        String href = "/accounts/" + account.getId() + "/flex";
        LocalDate today = clock.today();
        return List.of(programs.ofAccount(account.getId()).map(p -> {
            if (!p.isPrepaid()) {
                return SummaryCard.of(40, "FortiFlex", "Postpaid", "Program " + p.serialNumber()
                        + ": usage is billed monthly, no balance", href);
            }
            String runs = p.hasEnded(today) ? "ended on " + p.endDate() : "runs until " + p.endDate();
            return SummaryCard.of(40, "FortiFlex points balance", ledger.balance(p.id()).display(),
                    "Prepaid program " + p.serialNumber() + ", " + runs, href).level(p.hasEnded(today) ? "warn" : "");
        }).orElse(SummaryCard.of(40, "FortiFlex", "No program", "This account has no FortiFlex program.", href)));
    }
}
