package com.fortinet.marketplace.flex.usage;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.web.Csv;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Postpaid monthly statements: the page ({@code /accounts/{id}/flex/statements?month=}) and its CSV (the API is
 * {@link StatementApiController}).
 */
@Controller
class StatementController {

    private final AccountScope scope;
    private final FlexStatements statements;
    private final FlexPrograms programs;

    StatementController(AccountScope scope, FlexStatements statements, FlexPrograms programs) {
        this.scope = scope;
        this.statements = statements;
        this.programs = programs;
    }

    @GetMapping("/accounts/{accountId}/flex/statements")
    String page(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                @RequestParam(required = false) String month, Model model, HttpServletResponse response) {
        Account account = scope.requireVisible(me, accountId);
        model.addAttribute("account", account);
        model.addAttribute("program", programs.findByAccount(accountId).orElse(null));
        model.addAttribute("month", month == null ? "" : month);
        model.addAttribute("errors", new FormErrors());
        try {
            YearMonth m = statements.month(month);
            model.addAttribute("month", m.toString());
            model.addAttribute("statement", statements.of(accountId, m));
            List<String> months = new ArrayList<>();
            for (YearMonth x = YearMonth.from(m.atDay(1)).plusMonths(0); months.size() < 12; x = x.minusMonths(1)) {
                months.add(x.toString());
            }
            model.addAttribute("recentMonths", months);
        } catch (InvalidInputException e) { // not YYYY-MM, or not begun: 400 like the other filters
            model.addAttribute("errors", FormErrors.refused(e, "month", response));
        } catch (BusinessRuleException | com.fortinet.marketplace.web.NotFoundException e) {
            model.addAttribute("errors", FormErrors.of("form", e.getMessage()));
        }
        return "flex/usage/statement";
    }

    @GetMapping("/accounts/{accountId}/flex/statements.csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                               @RequestParam(required = false) String month) {
        scope.requireVisible(me, accountId);
        var s = statements.of(accountId, statements.month(month));
        StringBuilder csv = new StringBuilder(Csv.line("month", "program", "serial_number", "config_id", "points", "provisional"));
        for (var l : s.lines()) {
            csv.append(Csv.line(s.month(), s.programSerialNumber(), l.serialNumber(), l.configId(), l.points(), s.provisional()));
        }
        csv.append(Csv.line(s.month(), s.programSerialNumber(), "TOTAL", null, s.total(), s.provisional()));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"fortiflex-statement-" + accountId + "-"
                        + s.month() + ".csv\"").body(csv.toString());
    }
}
