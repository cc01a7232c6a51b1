package com.fortinet.marketplace.partners;

import com.fortinet.marketplace.flex.FlexConsoleFigures;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.ForbiddenException;
import com.fortinet.marketplace.web.PageLinks;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The partner console: every managed end customer in one table, with what needs attention. Partner users only. */
@Controller
class PartnerConsoleController {

    static final int PAGE_SIZE = 25;

    private final PartnerConsole console;
    private final AccountScope scope;
    private final BusinessClock clock;
    private final FlexConsoleFigures flex;

    PartnerConsoleController(PartnerConsole console, AccountScope scope, BusinessClock clock,
                             FlexConsoleFigures flex) {
        this.flex = flex;
        this.console = console;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping("/partner/customers")
    String customers(@AuthenticationPrincipal PortalUser me, @RequestParam(defaultValue = "") String q,
                     @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                     @RequestParam(defaultValue = "0") int page, Model model) {
        if (!me.isPartner() || me.accountId() == null) {
            throw new ForbiddenException("The partner console is for partner users.");
        }
        LocalDate today = clock.today();
        ConsoleSort s = ConsoleSort.parse(sort);
        boolean desc = dir == null || dir.isBlank() ? s.defaultDescending() : "desc".equalsIgnoreCase(dir);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("q", q);
        params.put("sort", s.name());
        params.put("dir", desc ? "desc" : "asc");
        model.addAttribute("partnerAccount", scope.find(me.accountId()).orElseThrow());
        model.addAttribute("ownBalance", console.ownBalance(me.accountId(), today));
        var rows = console.customers(me.accountId(), q, s, desc, today, PageRequest.of(PageLinks.page(page), PAGE_SIZE));
        model.addAttribute("page", rows);
        // Each customer's FortiFlex balance and run-out date: one more query for the page, not one per row.
        model.addAttribute("flex", flex.of(rows.getContent().stream().map(CustomerOverview::accountId).toList()));
        model.addAttribute("q", q);
        model.addAttribute("sort", s);
        model.addAttribute("desc", desc);
        model.addAttribute("today", today);
        model.addAttribute("pageBase", PageLinks.base("/partner/customers", params));
        model.addAttribute("sortLinks", sortLinks(q, s, desc));
        return "partners/customers";
    }

    /** Per column: the link that sorts by it (clicking the current column flips the direction). */
    private static Map<String, String> sortLinks(String q, ConsoleSort current, boolean desc) {
        Map<String, String> links = new LinkedHashMap<>();
        for (ConsoleSort s : ConsoleSort.values()) {
            boolean d = s == current ? !desc : s.defaultDescending();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("q", q);
            p.put("sort", s.name());
            p.put("dir", d ? "desc" : "asc");
            String base = PageLinks.base("/partner/customers", p);
            links.put(s.name(), base.substring(0, base.length() - 1));
        }
        return links;
    }
}
