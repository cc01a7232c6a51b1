package com.fortinet.marketplace.history;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.flex.FlexTransfer;
import com.fortinet.marketplace.orders.OrderView;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.Csv;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.PageLinks;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** History: orders and FortiFlex transfers of an account in one list, with filters and CSV. */
@Controller
class HistoryController {

    static final int PAGE_SIZE = 20;

    private final AccountScope scope;
    private final History history;

    HistoryController(AccountScope scope, History history) {
        this.scope = scope;
        this.history = history;
    }

    @GetMapping("/accounts/{accountId}/orders")
    String history(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                   HistoryFilter.Params params, @RequestParam(defaultValue = "0") int page, Model m,
                   HttpServletResponse response) {
        Account account = scope.requireVisible(me, accountId);
        FormErrors errors = new FormErrors();
        HistoryFilter filter = params.parse(errors);
        if (!errors.isEmpty()) {
            response.setStatus(400);
        }
        m.addAttribute("account", account);
        m.addAttribute("errors", errors);
        m.addAttribute("page", history.page(accountId, filter, page, PAGE_SIZE));
        m.addAttribute("from", params.from());
        m.addAttribute("to", params.to());
        m.addAttribute("type", filter.type());
        m.addAttribute("types", HistoryType.values());
        Map<String, Object> links = links(filter);
        m.addAttribute("pageBase", PageLinks.base("/accounts/" + accountId + "/orders", links));
        m.addAttribute("exportUrl", PageLinks.base("/accounts/" + accountId + "/orders/export.csv", links));
        return "history/history";
    }

    /**
     * One row per order line and one per transfer: what an accountant reconciles against the points ledger (the
     * ledger entry of each charge is given).
     */
    @GetMapping("/accounts/{accountId}/orders/export.csv")
    void export(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                HistoryFilter.Params params, HttpServletResponse response) throws IOException {
        Account account = scope.requireVisible(me, accountId);
        FormErrors errors = new FormErrors();
        HistoryFilter filter = params.parse(errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(String.join("\n", errors.all().values()));
            return;
        }
        try (Csv csv = Csv.open(response, "history-" + accountId + ".csv")) {
            csv.row("transaction_number", "date", "type", "status", "account_id",
                    "account", "paying_account_id", "paying_account", "description", "created_by", "line", "serial_number",
                    "model", "service", "new_service", "term_months", "previous_end", "start_date", "end_date",
                    "backdated_days", "forward_days", "points", "contract_number", "order_total_points", "ledger_entry_id",
                    "transfer_id", "forti_points_spent", "flex_points_acquired", "flex_program_serial", "anniversary_date");
            for (HistoryItem item : history.all(accountId, filter)) {
                if (item.isOrder()) {
                    OrderView o = item.order();
                    for (OrderView.LineView l : o.lines()) {
                        csv.row(o.transactionNumber(), o.businessDate(), o.type().name(), o.status(), o.accountId(),
                                o.accountName(), o.payingAccountId(), o.payingAccountName(), o.description(), o.createdBy(),
                                l.lineNo(), l.serialNumber(), l.model(), l.service(), l.newService(), l.termMonths(),
                                l.previousEndDate(), l.startDate(), l.endDate(), l.backdatedDays(), l.forwardDays(), l.points(),
                                l.contractNumber(), o.totalPoints(), o.ledgerEntryId(), null, null, null, null, null);
                    }
                } else {
                    FlexTransfer t = item.transfer();
                    csv.row(null, item.businessDate(), HistoryType.FLEX_TRANSFER.name(), "COMPLETED", accountId,
                            account.getName(), accountId, account.getName(), null, t.createdByEmail(), null, null, null, null, null, null, null, null,
                            null, null, null, t.fortiPointsSpent(), null, t.fortiPointsSpent(), t.pointsLedgerEntryId(), t.id(),
                            t.fortiPointsSpent(), t.flexPointsAcquired(), t.programSerialNumber(), t.anniversaryDate());
                }
            }
        }
    }

    private static Map<String, Object> links(HistoryFilter f) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", f.from() == null ? "" : f.from());
        params.put("to", f.to() == null ? "" : f.to());
        params.put("type", f.type() == null ? "" : f.type().name());
        return params;
    }
}
