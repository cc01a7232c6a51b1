package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.forticare.ServiceLadder;
import com.fortinet.marketplace.installedbase.ExpiryWindow;
import com.fortinet.marketplace.installedbase.InstalledBase;
import com.fortinet.marketplace.installedbase.Unit;
import com.fortinet.marketplace.installedbase.UnitFilter;
import com.fortinet.marketplace.pricing.PriceList;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.ForbiddenException;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.Formats;
import com.fortinet.marketplace.web.InvalidInputException;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The marketplace flow (DESIGN §3.4): pick units → options → live preview → description → place order. The full page
 * and its three htmx fragments (unit list, options, preview) share the methods that build each part's model; a
 * fragment request builds only its own part, so a ticked box reprices the order without searching the units again.
 */
@Controller
@RequestMapping("/accounts/{accountId}/marketplace")
class MarketplaceController {

    static final int MAX_UNITS_SHOWN = 200;
    static final String ALL = MarketplaceChoice.ALL;

    private final AccountScope scope;
    private final InstalledBase base;
    private final OrderService orders;
    private final BusinessClock clock;

    MarketplaceController(AccountScope scope, InstalledBase base, OrderService orders, BusinessClock clock) {
        this.scope = scope;
        this.base = base;
        this.orders = orders;
        this.clock = clock;
    }

    /** Everything the page's forms carry; absent values take the defaults below. */
    record Selection(List<String> serial, String family, String model, ExpiryWindow expiry, String q, OrderType type,
                     String service, Integer term, String newService, LocalDate targetEndDate, Long payingAccountId,
                     String description, String token, String previewed) {

        OrderType typeOrDefault() {
            return type == null ? OrderType.RENEW : type;
        }

        String serviceOrAll() {
            return service == null || service.isBlank() ? ALL : service;
        }

        int termOrDefault() {
            return term == null ? OrderPricing.DEFAULT_TERM : term;
        }

        Set<String> selected() {
            Set<String> s = new LinkedHashSet<>();
            if (serial != null) {
                serial.stream().filter(x -> x != null && !x.isBlank()).map(x -> x.trim().toUpperCase()).forEach(s::add);
            }
            return s;
        }
    }

    @GetMapping
    String page(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, Selection sel, BindingResult binding,
                Model m, HttpServletResponse response) {
        unreadable(binding, m, response);
        wholePage(me, accountId, sel, m);
        return "orders/marketplace";
    }

    @HxRequest
    @GetMapping(params = "part=units")
    String units(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, Selection sel, BindingResult binding,
                Model m, HttpServletResponse response) {
        unreadable(binding, m, response);
        Workspace w = workspace(me, accountId, sel, m);
        unitList(w, selectedUnits(accountId, sel), m);
        return "orders/marketplace :: units";
    }

    @HxRequest
    @GetMapping(params = "part=summary")
    String summary(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, Selection sel, BindingResult binding,
                Model m, HttpServletResponse response) {
        unreadable(binding, m, response);
        Workspace w = workspace(me, accountId, sel, m);
        preview(w, selectedUnits(accountId, sel), orders.payingAccountsFor(me, accountId), m);
        return "orders/marketplace :: summary";
    }

    /** The options depend on the order type (term for renewals, date for co-term, target tier for upgrades). */
    @HxRequest
    @GetMapping(params = "part=options")
    String options(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, Selection sel, BindingResult binding,
                Model m, HttpServletResponse response) {
        unreadable(binding, m, response);
        Workspace w = workspace(me, accountId, sel, m);
        options(w, orders.payingAccountsFor(me, accountId), m);
        return "orders/marketplace :: options";
    }

    @PostMapping("/orders")
    String place(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, Selection sel, BindingResult binding,
                 Model m, HttpServletResponse response, RedirectAttributes redirect) {
        scope.requireVisible(me, accountId);
        if (unreadable(binding, m, response)) { // nothing is ordered from values that didn't read
            wholePage(me, accountId, sel, m);
            return "orders/marketplace";
        }
        try {
            OrderRequest request = request(accountId, sel, selectedUnits(accountId, sel),
                    payer(me, accountId, sel, orders.payingAccountsFor(me, accountId)));
            var placed = orders.place(me, request, sel.token(), PreviewSnapshot.decode(sel.previewed()).orElse(null));
            OrderView o = placed.order();
            redirect.addFlashAttribute("success", placed.replayed()
                    ? "This order was already placed (" + o.transactionNumber() + "); it was charged once."
                    : "Order " + o.transactionNumber() + " placed: " + Formats.num(o.totalPoints())
                    + " FortiPoints charged to " + o.payingAccountName() + "; the new contracts are active now.");
            return "redirect:/accounts/" + accountId + "/orders/" + o.transactionNumber();
        } catch (PreviewChangedException e) {
            // Nothing was charged. The page shows the new preview, what changed, and a new key: placing it is a new order.
            response.setStatus(409);
            m.addAttribute("changes", e.changes());
            wholePage(me, accountId, withToken(sel, UUID.randomUUID().toString()), m);
            return "orders/marketplace";
        } catch (BusinessRuleException | InvalidInputException | ForbiddenException | ConflictException e) {
            // One message above the whole page: the order's fields are spread over the page's parts.
            response.setStatus(FormErrors.status(e).value());
            m.addAttribute("error", e.getMessage());
            wholePage(me, accountId, sel, m);
            return "orders/marketplace";
        }
    }

    /**
     * Values the page's forms never send (letters for the term, a date that isn't one, an unknown order type): 400
     * and one message above the page; the choices they were for take their defaults.
     */
    private static boolean unreadable(BindingResult binding, Model m, HttpServletResponse response) {
        if (!binding.hasErrors()) {
            return false;
        }
        m.addAttribute("error", "Some choices could not be read and were left at their defaults. "
                + FormErrors.from(binding, response).summary());
        return true;
    }

    /** What every part of the page is drawn with: the account, today and the choices in the forms. */
    private record Workspace(PortalUser me, Account account, LocalDate today, Selection sel) {
    }

    private Workspace workspace(PortalUser me, long accountId, Selection sel, Model m) {
        Workspace w = new Workspace(me, scope.requireVisible(me, accountId), clock.today(), sel);
        m.addAttribute("account", w.account());
        m.addAttribute("today", w.today());
        m.addAttribute("sel", sel);
        m.addAttribute("type", sel.typeOrDefault());
        m.addAttribute("service", sel.serviceOrAll());
        m.addAttribute("term", sel.termOrDefault());
        return w;
    }

    /** The page with every part; each htmx handler builds only the part its fragment shows. */
    private void wholePage(PortalUser me, long accountId, Selection sel, Model m) {
        Workspace w = workspace(me, accountId, sel, m);
        List<Unit> selected = selectedUnits(accountId, sel);
        List<Account> payingAccounts = orders.payingAccountsFor(me, accountId);
        m.addAttribute("families", base.families(accountId));
        m.addAttribute("models", base.models(accountId));
        m.addAttribute("windows", ExpiryWindow.values());
        unitList(w, selected, m);
        options(w, payingAccounts, m);
        preview(w, selected, payingAccounts, m);
    }

    private void unitList(Workspace w, List<Unit> selected, Model m) {
        Selection sel = w.sel();
        List<Unit> shown = base.searchAll(w.account().getId(), new UnitFilter(sel.family(), sel.model(), sel.expiry(), sel.q()),
                w.today(), MAX_UNITS_SHOWN + 1);
        Set<String> shownSerials = new LinkedHashSet<>();
        shown.stream().limit(MAX_UNITS_SHOWN).forEach(u -> shownSerials.add(u.serialNumber()));
        m.addAttribute("units", shown.stream().limit(MAX_UNITS_SHOWN).toList());
        m.addAttribute("moreUnits", shown.size() > MAX_UNITS_SHOWN);
        m.addAttribute("selectedSerials", selected.stream().map(Unit::serialNumber).toList());
        m.addAttribute("hiddenSelected", selected.stream().map(Unit::serialNumber).filter(s -> !shownSerials.contains(s)).toList());
    }

    private void options(Workspace w, List<Account> payingAccounts, Model m) {
        m.addAttribute("types", OrderType.values());
        m.addAttribute("services", ServiceLadder.OFFERED);
        m.addAttribute("upgradeTargets", ServiceLadder.UPGRADE_TARGETS);
        m.addAttribute("ladder", ServiceLadder.FORTIGATE);
        m.addAttribute("terms", PriceList.TERMS);
        m.addAttribute("payingAccounts", payingAccounts);
        m.addAttribute("payingAccountId", payer(w.me(), w.account().getId(), w.sel(), payingAccounts));
    }

    private void preview(Workspace w, List<Unit> selected, List<Account> payingAccounts, Model m) {
        PortalUser me = w.me();
        Selection sel = w.sel();
        Account account = w.account();
        long chosenPayer = payer(me, account.getId(), sel, payingAccounts);
        m.addAttribute("selectedSerials", selected.stream().map(Unit::serialNumber).toList());
        m.addAttribute("canOrder", me.canChange());
        m.addAttribute("token", sel.token() == null || sel.token().isBlank() ? UUID.randomUUID().toString() : sel.token());
        Quote quote = null;
        if (!selected.isEmpty()) {
            try {
                quote = orders.preview(me, request(account.getId(), sel, selected, chosenPayer));
            } catch (InvalidInputException e) {
                m.addAttribute("previewError", e.getMessage());
            }
        }
        m.addAttribute("quote", quote);
        m.addAttribute("previewed", quote == null ? null : PreviewSnapshot.of(quote).encode());
        long payer = quote == null ? chosenPayer : quote.payingAccountId();
        Account paying = payingAccounts.stream().filter(a -> a.getId() == payer).findFirst().orElse(account);
        m.addAttribute("payingAccount", paying);
        m.addAttribute("payingAccountName", paying.getName());
    }

    /**
     * Who pays (DESIGN §3.4): the account chosen in "Pay from"; when a partner buys for a customer it manages, the
     * partner's own account is preselected; otherwise the account that owns the units.
     */
    private long payer(PortalUser me, long accountId, Selection sel, List<Account> payingAccounts) {
        if (sel.payingAccountId() != null) {
            return sel.payingAccountId();
        }
        return payingAccounts.stream().map(Account::getId)
                .filter(id -> id != accountId && me.accountId() != null && id.equals(me.accountId()))
                .findFirst().orElse(accountId);
    }

    private static Selection withToken(Selection s, String token) {
        return new Selection(s.serial(), s.family(), s.model(), s.expiry(), s.q(), s.type(), s.service(), s.term(),
                s.newService(), s.targetEndDate(), s.payingAccountId(), s.description(), token, null);
    }

    private List<Unit> selectedUnits(long accountId, Selection sel) {
        return base.bySerials(sel.selected(), clock.today()).stream().filter(u -> u.accountId() == accountId).toList();
    }

    /** Unit selection + options → explicit lines (MarketplaceChoice), the same request shape the API takes. */
    OrderRequest request(long accountId, Selection sel, List<Unit> units, long payingAccountId) {
        List<OrderRequest.Line> lines = MarketplaceChoice.lines(sel.typeOrDefault(), sel.serviceOrAll(), sel.termOrDefault(),
                sel.newService(), units, clock.today());
        return new OrderRequest(accountId, payingAccountId, sel.typeOrDefault(), sel.targetEndDate(), lines, sel.description());
    }
}
