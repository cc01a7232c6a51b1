package com.fortinet.marketplace.home;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.UserRepository;
import com.fortinet.marketplace.security.CurrentAccount;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.Formats;
import com.fortinet.marketplace.layout.SummaryCard;
import com.fortinet.marketplace.layout.SummaryCards;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Each role lands where its daily work starts. */
@Controller
class HomeController {

    private final CurrentAccount currentAccount;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final SummaryCards cards;

    HomeController(CurrentAccount currentAccount, AccountRepository accounts, UserRepository users, SummaryCards cards) {
        this.currentAccount = currentAccount;
        this.accounts = accounts;
        this.users = users;
        this.cards = cards;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal PortalUser me, HttpSession session, Model model) {
        switch (me.role()) {
            case CUSTOMER_USER -> {
                // The account's home page (AccountPageController) shows its balance, expiring points and units.
                return "redirect:/accounts/" + currentAccount.get(me, session);
            }
            case PARTNER_USER -> {
                // A partner's day starts with its customers: the console (partners package) lists them with what needs attention.
                return "redirect:/partner/customers";
            }
            case RENEWALS_STAFF -> {
                model.addAttribute("cards", cards.forHome(me));
                return "home/staff";
            }
            default -> {
                List<SummaryCard> all = new ArrayList<>(cards.forHome(me));
                all.add(SummaryCard.of(10, "Accounts", Formats.num(accounts.count()), "FortiCloud accounts: create, rename, link partners",
                        "/admin/accounts"));
                all.add(SummaryCard.of(20, "Users", Formats.num(users.count()), "edit roles, access and accounts; reset passwords",
                        "/admin/users"));
                all.sort(Comparator.comparingInt(SummaryCard::order));
                model.addAttribute("cards", all);
                return "home/admin";
            }
        }
    }
}
