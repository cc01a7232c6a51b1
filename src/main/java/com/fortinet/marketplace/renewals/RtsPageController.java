package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.orders.OrderType;
import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.PageLinks;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.Csv;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import com.fortinet.marketplace.web.ConflictException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renewal Tracking System pages for renewals staff (SecurityConfig restricts /rts/** to them). Reads only. */
@Controller
@RequestMapping("/rts")
class RtsPageController {

    static final int PAGE_SIZE = 25;

    private final RtsReports reports;
    private final TransactionReports transactions;
    private final PoRenewals poRenewals;
    private final BusinessClock clock;

    RtsPageController(RtsReports reports, TransactionReports transactions, PoRenewals poRenewals, BusinessClock clock) {
        this.reports = reports;
        this.transactions = transactions;
        this.poRenewals = poRenewals;
        this.clock = clock;
    }

    @GetMapping
    String summary(RtsQuery.Params params, Model model, HttpServletResponse response) {
        LocalDate today = clock.today();
        RtsQuery q = query(params, today, model, response);
        RtsFigures figures = reports.summary(q.period(), q.filter(), today);
        Map<YearMonth, RtsFigures> trend = reports.trend(q.period(), q.filter(), today);
        model.addAttribute("figures", figures);
        model.addAttribute("trend", trend);
        model.addAttribute("chart", TrendChart.of(trend));
        model.addAttribute("presets", presets(q, today));
        filterOptions(model);
        return "renewals/summary";
    }

    /** The summary's "By channel" table as CSV: renewals per channel with points and share of the rate. */
    @GetMapping("/channels.csv")
    void channelsCsv(RtsQuery.Params params, HttpServletResponse response) throws IOException {
        LocalDate today = clock.today();
        RtsQuery q = params.parse(today);
        RtsFigures f = reports.summary(q.period(), q.filter(), today);
        try (Csv csv = Csv.open(response, "rts-by-channel-" + q.period().from() + "-to-" + q.period().to() + ".csv")) {
            csv.row(List.of("channel", "renewed_contracts", "renewed_points", "share_of_rate_percent"));
            csv.row(List.of("FORTIPOINTS", String.valueOf(f.renewedByPoints()), String.valueOf(f.renewedByPointsAmount()),
                    share(f.renewedByPoints(), f.settled())));
            csv.row(List.of("PO", String.valueOf(f.renewedByPo()), String.valueOf(f.renewedByPoAmount()),
                    share(f.renewedByPo(), f.settled())));
            if (f.renewedOther() > 0) {
                csv.row(List.of("IMPORTED", String.valueOf(f.renewedOther()), "", share(f.renewedOther(), f.settled())));
            }
        }
    }

    /** The summary's monthly trend table as CSV, one row per month. */
    @GetMapping("/trend.csv")
    void trendCsv(RtsQuery.Params params, HttpServletResponse response) throws IOException {
        LocalDate today = clock.today();
        RtsQuery q = params.parse(today);
        Map<YearMonth, RtsFigures> trend = reports.trend(q.period(), q.filter(), today);
        try (Csv csv = Csv.open(response, "rts-trend-to-" + YearMonth.from(q.period().to()) + ".csv")) {
            csv.row(List.of("month", "due", "renewed", "renewed_points", "expired", "expired_points", "in_grace",
                    "not_ended", "renewal_rate_percent"));
            trend.forEach((m, f) -> csv.row(List.of(m.toString(), String.valueOf(f.due()), String.valueOf(f.renewed()),
                    String.valueOf(f.renewedAmount()), String.valueOf(f.expired()), String.valueOf(f.expiredAmount()),
                    String.valueOf(f.inGrace()), String.valueOf(f.open()),
                    f.rate() == null ? "" : f.rate().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString())));
        }
    }

    private static String share(long part, long settled) {
        return settled == 0 ? "" : java.math.BigDecimal.valueOf(part * 100L)
                .divide(java.math.BigDecimal.valueOf(settled), 1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    @GetMapping("/contracts")
    String contracts(RtsQuery.Params params, @RequestParam(required = false) String status,
                     @RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
        LocalDate today = clock.today();
        RtsQuery q = query(params, today, model, response);
        RenewalStatus s = status(status);
        model.addAttribute("status", s);
        model.addAttribute("statuses", RenewalStatus.values());
        model.addAttribute("page", reports.contracts(q.period(), q.filter(), s, today,
                PageRequest.of(PageLinks.page(page), PAGE_SIZE)));
        model.addAttribute("pageBase", q.pageBase("/rts/contracts", "status", s));
        model.addAttribute("csvLink", q.link("/rts/contracts.csv", "status", s));
        model.addAttribute("today", today);
        filterOptions(model);
        return "renewals/contracts";
    }

    @GetMapping("/contracts.csv")
    void contractsCsv(RtsQuery.Params params, @RequestParam(required = false) String status,
                      HttpServletResponse response) throws IOException {
        LocalDate today = clock.today();
        RtsQuery q = params.parse(today);
        RenewalStatus s = status(status);
        String name = "rts-" + (s == null ? "due" : s.name().toLowerCase().replace('_', '-')) + "-"
                + q.period().from() + "-to-" + q.period().to() + ".csv";
        try (Csv csv = Csv.open(response, name)) {
            csv.row(RtsReports.csvHeader());
            reports.eachContract(q.period(), q.filter(), s, today, c -> csv.row(c.csv()));
        }
    }

    @GetMapping("/transactions")
    String transactionList(TransactionParams query, @RequestParam(defaultValue = "0") int page, Model model,
                           HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        TransactionReports.Filter f;
        try {
            f = query.filter();
        } catch (InvalidInputException e) {
            errors = FormErrors.refused(e, response);
            f = new TransactionReports.Filter(null, null, null, null, false, null, null);
        }
        Map<String, Object> params = query.links(f.backdatedOnly());
        model.addAttribute("errors", errors);
        model.addAttribute("f", f);
        model.addAttribute("params", params);
        model.addAttribute("page", transactions.search(f, PageRequest.of(PageLinks.page(page), PAGE_SIZE)));
        model.addAttribute("totals", transactions.totals(f));
        model.addAttribute("pageBase", com.fortinet.marketplace.web.PageLinks.base("/rts/transactions", params));
        model.addAttribute("csvLink", com.fortinet.marketplace.web.PageLinks.base("/rts/transactions.csv", params));
        model.addAttribute("regions", Region.values());
        model.addAttribute("partners", reports.partners());
        model.addAttribute("types", com.fortinet.marketplace.orders.OrderType.values());
        return "renewals/transactions";
    }

    @GetMapping("/transactions.csv")
    void transactionsCsv(TransactionParams query, HttpServletResponse response) throws IOException {
        TransactionReports.Filter f = query.filter();
        try (Csv csv = Csv.open(response, "transactions.csv")) {
            csv.row(List.of("transaction_number", "business_date", "account_id", "account", "region",
                    "paying_account_id", "paying_account", "type", "status", "lines", "total_points",
                    "max_backdated_days", "backdated", "created_by", "description"));
            transactions.each(f, r -> csv.row(List.of(r.transactionNumber(), r.businessDate().toString(),
                    String.valueOf(r.accountId()), r.accountName(), r.region(), String.valueOf(r.payingAccountId()),
                    r.payingAccountName(), r.type(), r.status(), String.valueOf(r.lines()),
                    String.valueOf(r.totalPoints()), String.valueOf(r.maxBackdatedDays()),
                    r.backdated() ? "yes" : "no", r.createdBy(), r.description() == null ? "" : r.description())));
        }
    }

    @GetMapping("/transactions/{txn}")
    String transaction(@PathVariable String txn, Model model) {
        TransactionReports.Row order = transactions.find(txn)
                .orElseThrow(() -> new NotFoundException("Order " + txn + " was not found."));
        model.addAttribute("order", order);
        model.addAttribute("lines", transactions.lines(order.id()));
        return "renewals/transaction";
    }

    @GetMapping("/transactions/{txn}/lines.csv")
    void transactionCsv(@PathVariable String txn, HttpServletResponse response) throws IOException {
        TransactionReports.Row order = transactions.find(txn)
                .orElseThrow(() -> new NotFoundException("Order " + txn + " was not found."));
        try (Csv csv = Csv.open(response, order.transactionNumber() + "-lines.csv")) {
            csv.row(List.of("line", "serial_number", "model", "service", "new_service", "term_months",
                    "previous_end_date", "start_date", "end_date", "backdated_days", "forward_days",
                    "list_price_points", "points", "contract_number", "explanation"));
            for (TransactionReports.Line l : transactions.lines(order.id())) {
                csv.row(List.of(String.valueOf(l.lineNo()), l.serialNumber(), l.model(), l.service(),
                        l.newService() == null ? "" : l.newService(), l.termMonths() == null ? "" : l.termMonths().toString(),
                        l.previousEndDate() == null ? "" : l.previousEndDate().toString(), l.startDate().toString(),
                        l.endDate().toString(), String.valueOf(l.backdatedDays()), String.valueOf(l.forwardDays()),
                        String.valueOf(l.listPricePoints()), String.valueOf(l.points()), l.contractNumber(),
                        l.explanation()));
            }
        }
    }

    @GetMapping("/po-renewals/new")
    String poForm(@RequestParam long contractId, Model model) {
        model.addAttribute("draft", poRenewals.draft(contractId));
        model.addAttribute("terms", PoRenewals.TERMS);
        model.addAttribute("termMonths", 12);
        model.addAttribute("errors", new FormErrors());
        return "renewals/po-renewal";
    }

    @PostMapping("/po-renewals")
    String poRecord(@AuthenticationPrincipal PortalUser me, @RequestParam long contractId,
                    @RequestParam(defaultValue = "12") int termMonths, @RequestParam(defaultValue = "") String poNumber,
                    @RequestParam(defaultValue = "") String amount, Model model, RedirectAttributes flash,
                    HttpServletResponse response) {
        try {
            PoRenewals.Recorded r = poRenewals.record(me, contractId, termMonths, poNumber, amount);
            flash.addFlashAttribute("success", "PO renewal recorded: contract " + r.contractNumber() + " runs "
                    + r.start() + " to " + r.end() + (r.backdatedDays() > 0 ? " (backdated " + r.backdatedDays()
                    + " days)" : "") + ". No points were charged.");
            return "redirect:/rts/po-renewals/new?contractId=" + contractId;
        } catch (InvalidInputException | ConflictException e) {
            model.addAttribute("errors", FormErrors.refused(e, response));
            model.addAttribute("draft", poRenewals.draft(contractId));
            model.addAttribute("terms", PoRenewals.TERMS);
            model.addAttribute("termMonths", termMonths);
            model.addAttribute("poNumber", poNumber);
            model.addAttribute("amount", amount);
            return "renewals/po-renewal";
        }
    }

    // ---- helpers ----

    /**
     * Parses the period and filters; bad values are shown next to their fields (under 400, as the API answers) and
     * the defaults are used, so the page still shows figures.
     */
    private static RtsQuery query(RtsQuery.Params params, LocalDate today, Model model, HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        RtsQuery q;
        try {
            q = params.parse(today);
        } catch (InvalidInputException e) {
            errors = FormErrors.refused(e, response);
            q = new RtsQuery(Period.quarterOf(today), RtsFilter.none());
        }
        model.addAttribute("q", q);
        model.addAttribute("errors", errors);
        model.addAttribute("today", today);
        return q;
    }

    private void filterOptions(Model model) {
        model.addAttribute("regions", Region.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("partners", reports.partners());
        model.addAttribute("families", reports.families());
    }

    static RenewalStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return RenewalStatus.valueOf(s.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "Status is RENEWED, IN_GRACE, EXPIRED or OPEN.");
        }
    }

    record Preset(String label, String href, boolean active) {
    }

    private static List<Preset> presets(RtsQuery q, LocalDate today) {
        YearMonth m = YearMonth.from(today);
        Period thisQuarter = Period.quarterOf(today);
        Period lastQuarter = Period.quarterOf(thisQuarter.from().minusDays(1));
        Period[] periods = {Period.month(m), Period.month(m.minusMonths(1)), thisQuarter, lastQuarter,
                new Period(m.minusMonths(11).atDay(1), m.atEndOfMonth()),
                new Period(today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear()))};
        String[] labels = {"This month", "Last month", "This quarter", "Last quarter", "Last 12 months", "This year"};
        List<Preset> presets = new java.util.ArrayList<>();
        for (int i = 0; i < periods.length; i++) {
            presets.add(new Preset(labels[i] + " (" + periods[i].label() + ")", q.link("/rts", periods[i]),
                    periods[i].equals(q.period())));
        }
        return presets;
    }

    /** The transactions list's query string (bound by Spring MVC, names as in its links). */
    record TransactionParams(String from, String to, String q, String type, String backdated, String region,
                             String partner) {

        /** Refuses once, naming every parameter that is wrong. */
        TransactionReports.Filter filter() {
            FieldChecks checks = new FieldChecks();
            LocalDate f = blank(from) ? null : checks.value(() -> Period.date("from", from));
            LocalDate t = blank(to) ? null : checks.value(() -> Period.date("to", to));
            if (f != null && t != null && f.isAfter(t)) {
                checks.fail("to", "The end of the period is before its start.");
            }
            String ty = blank(type) ? null : type.trim().toUpperCase();
            List<String> types = Arrays.stream(OrderType.values()).map(Enum::name).toList();
            if (ty != null && !types.contains(ty)) {
                checks.fail("type", "Type is one of " + String.join(", ", types) + ".");
            }
            Region r = checks.value(() -> RtsQuery.region(region));
            Long p = checks.value(() -> RtsQuery.partner(partner));
            checks.done();
            return new TransactionReports.Filter(f, t, q, ty, !blank(backdated) && !"false".equalsIgnoreCase(backdated), r, p);
        }

        /** The parameters for the page's links, as sent (so a refused value stays in the form to correct). */
        Map<String, Object> links(boolean backdatedOnly) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("from", from);
            params.put("to", to);
            params.put("q", q);
            params.put("type", type);
            params.put("backdated", backdatedOnly ? "on" : null);
            params.put("region", region);
            params.put("partner", partner);
            return params;
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
