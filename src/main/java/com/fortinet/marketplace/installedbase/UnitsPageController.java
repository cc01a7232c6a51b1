package com.fortinet.marketplace.installedbase;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.PageLinks;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Controller
class UnitsPageController {

    static final int PAGE_SIZE = 25;

    private final AccountScope scope;
    private final InstalledBase base;
    private final BusinessClock clock;
    private final List<UnitColumn> columns;

    UnitsPageController(AccountScope scope, InstalledBase base, BusinessClock clock, List<UnitColumn> columns) {
        this.scope = scope;
        this.base = base;
        this.clock = clock;
        this.columns = columns;
    }

    @GetMapping("/accounts/{accountId}/units")
    String units(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                 UnitQuery query, BindingResult binding, @RequestParam(defaultValue = "0") int page, Model m,
                 HttpServletResponse response) {
        Account account = scope.requireVisible(me, accountId);
        // an expiry window that isn't one of the options: 400, the message at the filter, any window shown
        m.addAttribute("errors", binding.hasErrors() ? FormErrors.from(binding, response) : new FormErrors());
        var today = clock.today();
        var result = base.search(accountId, query.filter(), today, PageRequest.of(PageLinks.page(page), PAGE_SIZE));
        m.addAttribute("account", account);
        m.addAttribute("page", result);
        m.addAttribute("today", today);
        m.addAttribute("family", query.family());
        m.addAttribute("model", query.model());
        m.addAttribute("expiry", query.expiry());
        m.addAttribute("q", query.q());
        m.addAttribute("families", base.families(accountId));
        m.addAttribute("models", base.models(accountId));
        m.addAttribute("windows", ExpiryWindow.values());
        var counts = base.counts(accountId, today);
        m.addAttribute("counts", counts);
        m.addAttribute("totalUnits", counts.units());
        m.addAttribute("canOrder", me.canChange());
        // Extra columns (e.g. FortiFlex) only when some unit of this page has something to show in them.
        Map<UnitColumn, Map<Long, UnitColumn.Cell>> extra = new LinkedHashMap<>();
        for (UnitColumn c : columns) {
            Map<Long, UnitColumn.Cell> cells = c.cells(accountId, result.getContent());
            if (!cells.isEmpty()) {
                extra.put(c, cells);
            }
        }
        m.addAttribute("extraColumns", extra);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("family", query.family());
        params.put("model", query.model());
        params.put("expiry", query.expiry() == null ? "" : query.expiry().name());
        params.put("q", query.q());
        m.addAttribute("pageBase", PageLinks.base("/accounts/" + accountId + "/units", params));
        return "installedbase/units";
    }

    /** The units list's query string (bound by Spring MVC; names as in its links); blank means "any". */
    record UnitQuery(String family, String model, ExpiryWindow expiry, String q) {
        UnitQuery {
            family = family == null ? "" : family;
            model = model == null ? "" : model;
            q = q == null ? "" : q;
        }

        UnitFilter filter() {
            return new UnitFilter(family, model, expiry, q);
        }
    }
}
