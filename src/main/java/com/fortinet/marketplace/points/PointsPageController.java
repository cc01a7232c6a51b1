package com.fortinet.marketplace.points;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.CurrentAccount;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.Csv;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.PageLinks;
import com.fortinet.marketplace.web.TooManyAttemptsException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Controller
@RequestMapping("/accounts/{accountId}/points")
class PointsPageController {

    static final int LEDGER_PAGE_SIZE = 25;

    private final AccountScope scope;
    private final CurrentAccount currentAccount;
    private final PointsQueries queries;
    private final PackRegistration registration;
    private final BusinessClock clock;
    private final PointsLedger ledger;
    private final List<LedgerLinks> ledgerLinks;
    private final RegistrationAttempts attempts;

    PointsPageController(AccountScope scope, CurrentAccount currentAccount, PointsQueries queries,
                         PackRegistration registration, BusinessClock clock, PointsLedger ledger,
                         List<LedgerLinks> ledgerLinks, RegistrationAttempts attempts) {
        this.ledgerLinks = ledgerLinks;
        this.attempts = attempts;
        this.ledger = ledger;
        this.scope = scope;
        this.currentAccount = currentAccount;
        this.queries = queries;
        this.registration = registration;
        this.clock = clock;
    }

    @GetMapping
    String dashboard(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, HttpSession session, Model model) {
        Account account = visible(me, accountId, session, model);
        PointsSummary summary = queries.summary(accountId);
        model.addAttribute("summary", summary);
        model.addAttribute("recentPacks", queries.recentPacks(accountId, 5));
        List<LedgerEntry> spendings = queries.recentSpendings(accountId, 5);
        model.addAttribute("recentSpendings", spendings);
        model.addAttribute("links", links(accountId, spendings));
        model.addAttribute("notices", PointsNotices.of(summary));
        model.addAttribute("chart", chart(accountId, summary));
        model.addAttribute("canRegister", me.canChange());
        return "points/dashboard";
    }

    @GetMapping("/ledger")
    String ledger(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(required = false) Long entry, HttpSession session, Model model) {
        visible(me, accountId, session, model);
        int shown = entry == null ? page : queries.ledgerPageOf(accountId, entry, LEDGER_PAGE_SIZE);
        var rows = queries.ledgerPage(accountId, shown, LEDGER_PAGE_SIZE);
        model.addAttribute("page", rows);
        model.addAttribute("links", links(accountId, rows.getContent()));
        model.addAttribute("highlight", entry);
        model.addAttribute("pageBase", PageLinks.base("/accounts/" + accountId + "/points/ledger", Map.of()));
        return "points/ledger";
    }

    @GetMapping("/ledger.csv")
    void ledgerCsv(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, HttpServletResponse response)
            throws IOException {
        scope.requireVisible(me, accountId);
        try (Csv csv = Csv.open(response, "points-ledger-" + accountId + ".csv")) {
            csv.row("entry_id", "business_date", "recorded_at_utc", "kind", "points", "balance_after", "reference");
            queries.forEachLedgerRow(accountId, e -> csv.row(e.id(), e.businessDate(), e.createdAt(), e.kind(), e.points(),
                    e.balanceAfter(), e.reference()));
        }
    }

    @GetMapping("/register")
    String registerForm(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                        @RequestParam(required = false) Long registered, HttpSession session, Model model) {
        Account account = visible(me, accountId, session, model);
        if (registered != null) {
            ledger.pack(registered).filter(p -> p.accountId() == accountId).ifPresent(p -> {
                model.addAttribute("registered", new PackRegistration.Registered(p, queries.summary(accountId).balance(), false));
                model.addAttribute("registeredAccount", account);
            });
        }
        return form(me, accountId, accountId, "", new FormErrors(), model);
    }

    @PostMapping("/register")
    String register(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                    @RequestParam(required = false) Long targetAccountId,
                    @RequestParam(defaultValue = "") String registrationCode,
                    @RequestParam(defaultValue = "") String idempotencyKey,
                    HttpSession session, HttpServletResponse response, Model model) {
        visible(me, accountId, session, model);
        long target = targetAccountId == null ? accountId : targetAccountId;
        try {
            PackRegistration.Registered r = registration.register(me, target, registrationCode, idempotencyKey);
            // The pack id in the URL (not a flash attribute): the page can be reloaded and sessions stay small.
            return "redirect:/accounts/" + target + "/points/register?registered=" + r.pack().id();
        } catch (InvalidInputException | ConflictException | BusinessRuleException e) {
            // The business rules: a FortiFlex points code (genuine, but registered elsewhere: not a failed guess), or a
            // reused form token; one field, so every message shows at it.
            return form(me, accountId, target, registrationCode, FormErrors.refused(e, "registrationCode", response), model);
        } catch (TooManyAttemptsException e) {
            // The page shows the lock and its end time from the attempts status (and disables Register), so no message.
            response.setStatus(FormErrors.status(e).value());
            return form(me, accountId, target, registrationCode, new FormErrors(), model);
        }
    }

    private String form(PortalUser me, long accountId, long target, String code, FormErrors errors, Model model) {
        model.addAttribute("targets", me.canChange() ? scope.accountsOf(me) : java.util.List.of());
        model.addAttribute("target", target);
        model.addAttribute("code", code);
        model.addAttribute("errors", errors);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("canRegister", me.canChange());
        model.addAttribute("attempts", me.canChange() ? attempts.status(me.userId()) : null);
        model.addAttribute("balance", queries.summary(accountId).balance());
        return "points/register";
    }

    private Map<Long, String> links(long accountId, List<LedgerEntry> entries) {
        Map<Long, String> links = new HashMap<>();
        ledgerLinks.forEach(l -> links.putAll(l.links(accountId, entries)));
        return links;
    }

    private Account visible(PortalUser me, long accountId, HttpSession session, Model model) {
        // The layout already acts on the account in the URL (LayoutModelAdvice).
        Account account = scope.requireVisible(me, accountId);
        model.addAttribute("account", account);
        return account;
    }

    private BalanceChart chart(long accountId, PointsSummary summary) {
        var today = summary.today();
        var from = today.minusDays(365);
        var points = queries.ledgerSince(accountId, from).stream()
                .map(e -> new BalanceChart.Point(e.businessDate(), e.balanceAfter())).toList();
        var expiries = summary.packs().stream()
                .filter(p -> p.remaining() > 0 && PackValidity.isSpendable(p.expiresAt(), today))
                .map(p -> new BalanceChart.Expiry(p.expiresAt(), p.remaining(), p.sku()))
                .toList();
        return BalanceChart.of(today, from, queries.balanceBefore(accountId, from), points, expiries);
    }
}
