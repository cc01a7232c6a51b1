package com.fortinet.marketplace.flex.calculator;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.flex.catalog.Catalog;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The points calculator (FortiFlex → Calculator): a bill of materials priced per day, month and year, held against
 * the prepaid balance. It changes nothing, so it is a GET form (read-only users use it too; a priced bill can be
 * bookmarked); htmx swaps the bill as lines change, are added or removed, and the form works without script.
 */
@Controller
@RequestMapping("/accounts/{accountId}/flex/calculator")
class CalculatorPageController {

    private final AccountScope scope;
    private final PointsCalculator calculator;
    private final Catalog catalog;

    CalculatorPageController(AccountScope scope, PointsCalculator calculator, Catalog catalog) {
        this.scope = scope;
        this.calculator = calculator;
        this.catalog = catalog;
    }

    @GetMapping
    String page(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                @RequestParam MultiValueMap<String, String> form, Model model) {
        fill(model, scope.requireVisible(me, accountId), form);
        return "flex/calculator";
    }

    /** htmx: the bill again after a change, an added or a removed line. */
    @HxRequest
    @GetMapping("/bom")
    String bom(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
               @RequestParam MultiValueMap<String, String> form, Model model) {
        fill(model, scope.requireVisible(me, accountId), form);
        return "flex/calculator :: bom";
    }

    private void fill(Model model, Account account, MultiValueMap<String, String> form) {
        model.addAttribute("account", account);
        model.addAttribute("productTypes", catalog.productTypes());
        model.addAttribute("calc", calculator.price(account.getId(), BomForm.parse(form)));
        model.addAttribute("maxLines", BomForm.MAX_LINES);
        model.addAttribute("monthDays", PointsCalculator.MONTH_DAYS);
        model.addAttribute("yearDays", PointsCalculator.YEAR_DAYS);
    }
}
