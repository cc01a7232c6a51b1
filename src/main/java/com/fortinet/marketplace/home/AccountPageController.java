package com.fortinet.marketplace.home;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.PartnerLinks;
import com.fortinet.marketplace.accounts.UserRepository;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.CurrentAccount;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.PageLinks;
import com.fortinet.marketplace.layout.SummaryCards;
import jakarta.servlet.http.HttpSession;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;
import java.util.regex.Pattern;

@Controller
class AccountPageController {

    private static final Pattern ACCOUNT_PATH = Pattern.compile("^/accounts/\\d+(/[A-Za-z0-9/_-]*)?$");

    private final AccountScope scope;
    private final CurrentAccount currentAccount;
    private final AccountRepository accounts;
    private final PartnerLinks links;
    private final UserRepository users;
    private final SummaryCards cards;

    AccountPageController(AccountScope scope, CurrentAccount currentAccount, AccountRepository accounts,
                          PartnerLinks links, UserRepository users, SummaryCards cards) {
        this.cards = cards;
        this.scope = scope;
        this.currentAccount = currentAccount;
        this.accounts = accounts;
        this.links = links;
        this.users = users;
    }

    /** Staff and admins look accounts up here; customers and partners see their own scope. */
    @GetMapping("/accounts")
    String list(@AuthenticationPrincipal PortalUser me, @RequestParam(defaultValue = "") String q,
                @RequestParam(required = false) AccountType type, @RequestParam(defaultValue = "0") int page, Model model) {
        if (!me.role().readsEveryAccount()) {
            model.addAttribute("accounts", scope.accountsOf(me));
            return "accounts/mine";
        }
        var result = accounts.search(q.trim(), type, PageRequest.of(Math.max(page, 0), 25, Sort.by("name")));
        model.addAttribute("page", result);
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("pageBase", PageLinks.base("/accounts", Map.of("q", q, "type", type == null ? "" : type)));
        return "accounts/list";
    }

    @GetMapping("/accounts/{id}")
    String show(@AuthenticationPrincipal PortalUser me, @PathVariable long id, HttpSession session, Model model) {
        Account account = scope.requireVisible(me, id);
        if (me.isPartner()) {
            currentAccount.set(me, session, id);
        }
        model.addAttribute("account", account);
        model.addAttribute("cards", cards.forAccount(me, account));
        model.addAttribute("partners", accounts.findByIdInOrderByName(links.partnersOf(id)));
        model.addAttribute("customers", account.isPartner() ? accounts.findByIdInOrderByName(links.customersOf(id)) : java.util.List.of());
        model.addAttribute("users", me.role().readsEveryAccount() || (me.accountId() != null && me.accountId() == id)
                ? users.findByAccountIdAndEnabledTrue(id) : java.util.List.of());
        return "accounts/show";
    }

    /** The header's account switcher: same page, other account. */
    @PostMapping("/switch-account")
    String switchAccount(@AuthenticationPrincipal PortalUser me, @RequestParam long accountId,
                         @RequestParam(defaultValue = "") String returnTo, HttpSession session) {
        currentAccount.set(me, session, accountId);
        if (ACCOUNT_PATH.matcher(returnTo).matches()) {
            return "redirect:" + returnTo.replaceFirst("^/accounts/\\d+", "/accounts/" + accountId);
        }
        return "redirect:/accounts/" + accountId;
    }
}
