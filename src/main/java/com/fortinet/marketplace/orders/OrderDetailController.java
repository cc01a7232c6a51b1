package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** An order's page, reached from History, the ledger and the confirmation after placing it. */
@Controller
class OrderDetailController {

    private final AccountScope scope;
    private final OrderService service;

    OrderDetailController(AccountScope scope, OrderService service) {
        this.scope = scope;
        this.service = service;
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
