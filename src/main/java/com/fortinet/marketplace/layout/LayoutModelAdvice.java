package com.fortinet.marketplace.layout;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.CurrentAccount;
import com.fortinet.marketplace.security.PortalUser;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
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
    private final List<NavigationContributor> contributors;

    public LayoutModelAdvice(CurrentAccount currentAccount, AccountScope scope, List<NavigationContributor> contributors) {
        this.currentAccount = currentAccount;
        this.scope = scope;
        this.contributors = contributors;
    }

    @ModelAttribute
    public void layout(Model model, HttpServletRequest request, HtmxRequest htmx) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof PortalUser user)) {
            return;
        }
        if (isApi(request.getRequestURI())) {
            // @RestControllers are @Controllers too: an API answer has no layout, so no account lookup for it (issue 13)
            return;
        }
        if (fragmentOnly(htmx)) {
            // htmx swaps a fragment into a page that already has its layout: nothing here is drawn (issue 15)
            return;
        }
        // An account-scoped page acts on the account in its URL: the header links and switcher follow it (this runs
        // before the handler, so a handler switching the account would be too late for the navigation).
        Long pathAccount = null;
        Matcher m = ACCOUNT_PATH.matcher(request.getRequestURI());
        if (m.matches() && scope.canSee(user, Long.parseLong(m.group(1)))) {
            pathAccount = Long.parseLong(m.group(1));
        }
        boolean staff = user.role().readsEveryAccount();
        Long accountId;
        if (staff) {
            // Staff and admins look at an account only while they are on its pages: their navigation never grows
            // account links; the account's own links sit in a bar under the header instead.
            accountId = pathAccount;
        } else {
            Long chosen = currentAccount.get(user, request.getSession(false));
            if (pathAccount != null && !pathAccount.equals(chosen)) {
                chosen = pathAccount;
                if (user.isPartner()) {
                    currentAccount.set(user, request.getSession(), pathAccount);
                }
            }
            accountId = chosen;
        }
        Account account = accountId == null ? null : scope.find(accountId).orElse(null);
        model.addAttribute("me", user);
        model.addAttribute("actingAccount", account);
        model.addAttribute("requestPath", request.getRequestURI());
        if (user.isPartner()) {
            model.addAttribute("switchableAccounts", scope.accountsOf(user));
        }
        model.addAttribute("navItems", items(user, staff ? null : accountId));
        if (staff && accountId != null) {
            String prefix = "/accounts/" + accountId + "/";
            model.addAttribute("accountNav", items(user, accountId).stream()
                    .filter(i -> i.href().startsWith(prefix)).toList());
        }
    }

    /** A boosted request, or htmx restoring history it did not cache, gets the whole page and so the layout. */
    static boolean fragmentOnly(HtmxRequest htmx) {
        return htmx.isHtmxRequest() && !htmx.isBoosted() && !htmx.isHistoryRestoreRequest();
    }

    static boolean isApi(String path) {
        return path.startsWith("/api/") || path.startsWith("/ES/api/");
    }

    private List<NavItem> items(PortalUser user, Long accountId) {
        return contributors.stream()
                .flatMap(c -> c.items(user, accountId).stream())
                .sorted(Comparator.comparingInt(NavItem::order))
                .toList();
    }
}
