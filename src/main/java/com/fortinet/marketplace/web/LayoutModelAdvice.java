package com.fortinet.marketplace.web;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.CurrentAccount;
import com.fortinet.marketplace.security.PortalUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every page's layout needs: who is signed in, which account they act on, their navigation. */
@ControllerAdvice(annotations = Controller.class)
public class LayoutModelAdvice {

    private static final Pattern ACCOUNT_PATH = Pattern.compile("^/accounts/(\\d{1,18})(/.*)?$");

    private final CurrentAccount currentAccount;
    private final AccountScope scope;
    private final AccountRepository accounts;
    private final List<NavigationContributor> contributors;

    public LayoutModelAdvice(CurrentAccount currentAccount, AccountScope scope, AccountRepository accounts,
                             List<NavigationContributor> contributors) {
        this.currentAccount = currentAccount;
        this.scope = scope;
        this.accounts = accounts;
        this.contributors = contributors;
    }

    @ModelAttribute
    public void layout(Model model, HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof PortalUser user)) {
            return;
        }
        Long chosen = currentAccount.get(user, request.getSession(false));
        // An account-scoped page acts on the account in its URL: the header links and switcher follow it (this runs
        // before the handler, so a handler switching the account would be too late for the navigation).
        Matcher m = ACCOUNT_PATH.matcher(request.getRequestURI());
        if (m.matches()) {
            long pathAccount = Long.parseLong(m.group(1));
            if (!Long.valueOf(pathAccount).equals(chosen) && scope.canSee(user, pathAccount)) {
                chosen = pathAccount;
                if (user.isPartner() || user.role().readsEveryAccount()) {
                    currentAccount.set(user, request.getSession(), pathAccount);
                }
            }
        }
        Long accountId = chosen;
        Account account = accountId == null ? null : accounts.findById(accountId).orElse(null);
        model.addAttribute("me", user);
        model.addAttribute("actingAccount", account);
        model.addAttribute("requestPath", request.getRequestURI());
        if (user.isPartner()) {
            model.addAttribute("switchableAccounts", scope.accountsOf(user));
        }
        model.addAttribute("navItems", contributors.stream()
                .flatMap(c -> c.items(user, accountId).stream())
                .sorted(Comparator.comparingInt(NavItem::order))
                .toList());
    }
}
