package com.fortinet.marketplace.accounts;

import com.fortinet.marketplace.security.CurrentAccount;
import com.fortinet.marketplace.security.PortalUser;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Each role lands where its daily work starts. */
@Controller
class HomeController {

    private final CurrentAccount currentAccount;
    private final AccountRepository accounts;
    private final UserRepository users;

    HomeController(CurrentAccount currentAccount, AccountRepository accounts, UserRepository users) {
        this.currentAccount = currentAccount;
        this.accounts = accounts;
        this.users = users;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal PortalUser me, HttpSession session, Model model) {
        switch (me.role()) {
            case CUSTOMER_USER -> {
                return "redirect:/accounts/" + currentAccount.get(me, session);
            }
            case PARTNER_USER -> {
                // A partner's day starts with its customers: the console (partners package) lists them with what needs attention.
                return "redirect:/partner/customers";
            }
            case RENEWALS_STAFF -> {
                return "home/staff";
            }
            default -> {
                model.addAttribute("accountCount", accounts.count());
                model.addAttribute("userCount", users.count());
                return "home/admin";
            }
        }
    }
}
