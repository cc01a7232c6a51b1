package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.TooManyAttemptsException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;

/** Registering a FortiFlex points pack onto the account's prepaid program, from the FortiFlex page. */
@Controller
@RequestMapping("/accounts/{accountId}/flex/packs")
class FlexPackPageController {

    private final AccountScope scope;
    private final FlexPackRegistration registration;
    private final FlexProgramService programs;
    private final FlexPacks packs;
    private final FlexLedger ledger;

    FlexPackPageController(AccountScope scope, FlexPackRegistration registration, FlexProgramService programs,
                           FlexPacks packs, FlexLedger ledger) {
        this.scope = scope;
        this.registration = registration;
        this.programs = programs;
        this.packs = packs;
        this.ledger = ledger;
    }

    @GetMapping("/register")
    String form(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                @RequestParam(required = false) Long registered, Model model) {
        Account account = scope.requireVisible(me, accountId);
        if (registered != null) {
            packs.find(accountId, registered).ifPresent(p -> model.addAttribute("registered", p));
        }
        return page(me, account, "", new FormErrors(), model);
    }

    @PostMapping("/register")
    String register(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                    @RequestParam(defaultValue = "") String registrationCode,
                    @RequestParam(defaultValue = "") String idempotencyKey, HttpServletResponse response, Model model) {
        Account account = scope.requireVisible(me, accountId);
        try {
            var r = registration.register(me, accountId, registrationCode, idempotencyKey);
            // The pack id in the URL (not a flash attribute): the page can be reloaded.
            return "redirect:/accounts/" + accountId + "/flex/packs/register?registered=" + r.pack().id();
        } catch (InvalidInputException | ConflictException | BusinessRuleException e) {
            return page(me, account, registrationCode, FormErrors.refused(e, "registrationCode", response), model);
        } catch (TooManyAttemptsException e) {
            return page(me, account, registrationCode, FormErrors.refused(e, response), model);
        }
    }

    private String page(PortalUser me, Account account, String code, FormErrors errors, Model model) {
        FlexProgram program = programs.ofAccount(account.getId()).orElse(null);
        model.addAttribute("account", account);
        model.addAttribute("program", program);
        model.addAttribute("refusal", registration.refusal(account.getId()).orElse(null));
        model.addAttribute("canRegister", me.canChange());
        model.addAttribute("code", code);
        model.addAttribute("errors", errors);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        if (program != null) {
            model.addAttribute("balance", ledger.balance(program.id()));
        }
        return "flex/pack-register";
    }
}
