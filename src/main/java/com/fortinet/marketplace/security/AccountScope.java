package com.fortinet.marketplace.security;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountLookup;
import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.PartnerLinks;
import com.fortinet.marketplace.web.ForbiddenException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides which accounts a user may see and change; pages and API both call it.
 * Out of scope answers 404 (ids can't be probed); in scope but not allowed to change answers 403.
 */
@Service
public class AccountScope {

    private static final String REMEMBERED = AccountScope.class.getName() + ".account.";
    private static final Object ABSENT = new Object();

    private final AccountRepository accounts;
    private final AccountLookup lookup;
    private final PartnerLinks links;

    public AccountScope(AccountRepository accounts, AccountLookup lookup, PartnerLinks links) {
        this.accounts = accounts;
        this.lookup = lookup;
        this.links = links;
    }

    public boolean canSee(PortalUser user, long accountId) {
        if (user.role().readsEveryAccount()) {
            return find(accountId).isPresent();
        }
        if (user.accountId() == null) {
            return false;
        }
        if (user.accountId() == accountId) {
            return true;
        }
        return user.isPartner() && links.manages(user.accountId(), accountId);
    }

    public Account requireVisible(PortalUser user, long accountId) {
        if (!canSee(user, accountId)) {
            throw new NotFoundException("Account " + accountId + " was not found.");
        }
        return find(accountId).orElseThrow(() -> new NotFoundException("Account " + accountId + " was not found."));
    }

    /**
     * An account as pages show it, read once per GET request: the layout (header, account switcher) and the page's
     * handler both need the account the URL names, and each read was a transaction of its own (issue 13). Only a safe
     * request remembers it: a POST may change the account it then shows.
     */
    public Optional<Account> find(long accountId) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)
                || !HttpMethod.GET.matches(request.getRequest().getMethod())) {
            return lookup.find(accountId);
        }
        String key = REMEMBERED + accountId;
        Object remembered = request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
        if (remembered instanceof Account account) {
            return Optional.of(account);
        }
        if (remembered == ABSENT) {
            return Optional.empty();
        }
        Optional<Account> found = lookup.find(accountId);
        request.setAttribute(key, found.isPresent() ? found.get() : ABSENT, RequestAttributes.SCOPE_REQUEST);
        return found;
    }

    /** For spending points, registering packs, ordering, transferring. */
    public Account requireWritable(PortalUser user, long accountId) {
        Account account = requireVisible(user, accountId);
        requireChangeAllowed(user);
        return account;
    }

    /**
     * {@link #requireWritable} for a caller that needs no {@link Account}: a user's own account costs no query (the
     * spend paths lock the account row next, which also finds it).
     */
    public void checkWritable(PortalUser user, long accountId) {
        if (!canSee(user, accountId)) {
            throw new NotFoundException("Account " + accountId + " was not found.");
        }
        requireChangeAllowed(user);
    }

    private static void requireChangeAllowed(PortalUser user) {
        if (!user.canChange()) {
            throw new ForbiddenException(user.role().readsEveryAccount()
                    ? "Renewals staff and administrators can look at accounts but not spend their points."
                    : "Your access to this account is read-only. Ask an administrator of your account for read-write access.");
        }
    }

    /** Own account first, then managed accounts by name. Staff and admins: see {@link #readsEveryAccount}. */
    public List<Account> accountsOf(PortalUser user) {
        if (user.role().readsEveryAccount()) {
            return accounts.findAllByOrderByName();
        }
        if (user.accountId() == null) {
            return List.of();
        }
        List<Account> result = new ArrayList<>();
        find(user.accountId()).ifPresent(result::add);
        if (user.isPartner()) {
            result.addAll(accounts.findByIdInOrderByName(links.customersOf(user.accountId())));
        }
        return result;
    }
}
