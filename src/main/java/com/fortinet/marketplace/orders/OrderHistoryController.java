package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.installedbase.Csv;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.NotFoundException;
import com.fortinet.marketplace.web.PageLinks;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

@Controller
class OrderHistoryController {

    private final AccountScope scope;
    private final Orders orders;
    private final OrderService service;

    OrderHistoryController(AccountScope scope, Orders orders, OrderService service) {
        this.scope = scope;
        this.orders = orders;
        this.service = service;
    }

    @GetMapping("/accounts/{accountId}/orders")
    String history(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(required = false) OrderType type, @RequestParam(defaultValue = "0") int page, Model m) {
        Account account = scope.requireVisible(me, accountId);
        var filter = new Orders.HistoryFilter(from, to, type);
        m.addAttribute("account", account);
        m.addAttribute("page", orders.history(accountId, filter, PageRequest.of(Math.max(0, page), 20)));
        m.addAttribute("from", from);
        m.addAttribute("to", to);
        m.addAttribute("type", type);
        m.addAttribute("types", OrderType.values());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", from == null ? "" : from);
        params.put("to", to == null ? "" : to);
        params.put("type", type == null ? "" : type.name());
        m.addAttribute("pageBase", PageLinks.base("/accounts/" + accountId + "/orders", params));
        m.addAttribute("exportUrl", PageLinks.base("/accounts/" + accountId + "/orders/export.csv", params));
        return "orders/history";
    }

    /** One row per order line: what an accountant reconciles against the points ledger. */
    @GetMapping("/accounts/{accountId}/orders/export.csv")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) OrderType type) {
        scope.requireVisible(me, accountId);
        StringBuilder csv = new StringBuilder(Csv.line("transaction_number", "date", "type", "status", "account_id",
                "account", "paying_account_id", "paying_account", "description", "created_by", "line", "serial_number",
                "model", "service", "new_service", "term_months", "previous_end", "start_date", "end_date",
                "backdated_days", "forward_days", "points", "contract_number", "order_total_points"));
        for (OrderView o : orders.historyAll(accountId, new Orders.HistoryFilter(from, to, type))) {
            for (OrderView.LineView l : o.lines()) {
                csv.append(Csv.line(o.transactionNumber(), o.businessDate(), o.type().name(), o.status(), o.accountId(),
                        o.accountName(), o.payingAccountId(), o.payingAccountName(), o.description(), o.createdBy(),
                        l.lineNo(), l.serialNumber(), l.model(), l.service(), l.newService(), l.termMonths(),
                        l.previousEndDate(), l.startDate(), l.endDate(), l.backdatedDays(), l.forwardDays(), l.points(),
                        l.contractNumber(), o.totalPoints()));
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"orders-" + accountId + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/accounts/{accountId}/orders/{transactionNumber:FMP-.+}")
    String detail(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                  @PathVariable String transactionNumber, Model m) {
        Account account = scope.requireVisible(me, accountId);
        OrderView order = service.get(me, transactionNumber);
        if (order.accountId() != accountId && order.payingAccountId() != accountId) {
            throw new NotFoundException("Order " + transactionNumber + " was not found on this account.");
        }
        m.addAttribute("account", account);
        m.addAttribute("order", order);
        return "orders/detail";
    }
}
