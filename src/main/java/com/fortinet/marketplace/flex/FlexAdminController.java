package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.admin.AdminLink;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;

/** Back office: every account's FortiFlex program, and registering one. */
@Controller
@RequestMapping("/admin/flex-programs")
class FlexAdminController {

    private final FlexPrograms programs;
    private final FlexProgramService service;
    private final AccountRepository accounts;

    FlexAdminController(FlexPrograms programs, FlexProgramService service, AccountRepository accounts) {
        this.programs = programs;
        this.service = service;
        this.accounts = accounts;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long accountId, Model model) {
        return page(model, new ProgramForm(accountId, null, "", null, null), new FormErrors());
    }

    @PostMapping
    String create(@AuthenticationPrincipal PortalUser me, ProgramForm form, Model model, RedirectAttributes redirect) {
        try {
            if (form.accountId() == null) {
                throw new InvalidInputException("accountId", "Choose the account.");
            }
            FlexProgram p = service.create(form.accountId(), form.type(), form.serialNumber(), form.startDate(),
                    form.endDate(), me.userId());
            redirect.addFlashAttribute("success", "FortiFlex program " + p.serialNumber() + " (" + p.type().label()
                    + ") registered for " + accounts.findById(p.accountId()).map(a -> a.getName()).orElse("the account") + ".");
            return "redirect:/admin/flex-programs";
        } catch (InvalidInputException e) {
            return page(model, form, FormErrors.of(e.field(), e.getMessage()));
        } catch (ConflictException e) {
            return page(model, form, FormErrors.of(e.field(), e.getMessage()));
        } catch (NotFoundException e) {
            return page(model, form, FormErrors.of("accountId", e.getMessage()));
        }
    }

    private String page(Model model, ProgramForm form, FormErrors errors) {
        model.addAttribute("programs", programs.all());
        model.addAttribute("accounts", accounts.findAllByOrderByName());
        model.addAttribute("types", FlexProgramType.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "flex/admin-programs";
    }

    record ProgramForm(Long accountId, FlexProgramType type, String serialNumber, LocalDate startDate, LocalDate endDate) {
    }

    @Configuration(proxyBeanMethods = false)
    static class FlexAdminLinks {
        @Bean
        AdminLink flexProgramsLink() {
            return new AdminLink(60, "FortiFlex programs", "/admin/flex-programs",
                    "Register an account's FortiFlex program (prepaid or postpaid; one per account).");
        }
    }
}
