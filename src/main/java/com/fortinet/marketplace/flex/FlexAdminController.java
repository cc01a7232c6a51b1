package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.admin.AdminLink;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Back office: every account's FortiFlex program, registering one, extending it, editing its dates, ending it early. */
@Controller
@RequestMapping("/admin/flex-programs")
class FlexAdminController {

    private final FlexPrograms programs;
    private final FlexProgramService service;
    private final AccountRepository accounts;
    private final ProgramChanges changes;
    private final BusinessClock clock;

    FlexAdminController(FlexPrograms programs, FlexProgramService service, AccountRepository accounts,
                        ProgramChanges changes, BusinessClock clock) {
        this.programs = programs;
        this.service = service;
        this.accounts = accounts;
        this.changes = changes;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long accountId, Model model) {
        return page(model, new ProgramForm(accountId, null, "", null, null), new FormErrors());
    }

    @PostMapping
    String create(@AuthenticationPrincipal PortalUser me, ProgramForm form, BindingResult binding, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        if (binding.hasErrors()) { // a date that isn't one, a type or an account id that doesn't convert
            return page(model, form, FormErrors.from(binding, response));
        }
        try {
            if (form.accountId() == null) {
                throw new InvalidInputException("accountId", "Choose the account.");
            }
            FlexProgram p = service.create(form.accountId(), form.type(), form.serialNumber(), form.startDate(),
                    form.endDate(), me.userId());
            redirect.addFlashAttribute("success", "FortiFlex program " + p.serialNumber() + " (" + p.type().label()
                    + ") registered for " + accounts.findById(p.accountId()).map(a -> a.getName()).orElse("the account") + ".");
            return "redirect:/admin/flex-programs";
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            return page(model, form, FormErrors.refused(e, "accountId", response)); // not found: the account chosen
        }
    }

    // ---- one program: extend, edit its dates, end it early

    @GetMapping("/{programId}")
    String program(@PathVariable long programId, Model model) {
        return programPage(model, program(programId), new ProgramEdits(null, null, null), Map.of());
    }

    @PostMapping("/{programId}/extend")
    String extend(@AuthenticationPrincipal PortalUser me, @PathVariable long programId,
                  @RequestParam(defaultValue = "") String months, @RequestParam(defaultValue = "") String idempotencyKey,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FlexProgram p = program(programId);
        try {
            Integer m = months.isBlank() ? null : parseMonths(months);
            var r = service.extend(p.accountId(), m, idempotencyKey, me.userId());
            redirect.addFlashAttribute("success", r.replayed() ? "This extension was already done; the program was extended once."
                    : "FortiFlex program " + p.serialNumber() + " extended by " + m + " months: it now ends on "
                    + r.program().endDate() + " (was " + r.previousEnd() + ").");
            return "redirect:/admin/flex-programs/" + programId;
        } catch (InvalidInputException | BusinessRuleException | ConflictException e) {
            // 409: the same form still being processed
            return programPage(model, p, new ProgramEdits(months, null, null),
                    Map.of("extend", FormErrors.refused(e, "months", response)));
        }
    }

    @PostMapping("/{programId}/dates")
    String editDates(@AuthenticationPrincipal PortalUser me, @PathVariable long programId,
                     @RequestParam(defaultValue = "") String startDate, @RequestParam(defaultValue = "") String endDate,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FlexProgram p = program(programId);
        try {
            FieldChecks checks = new FieldChecks();
            LocalDate start = checks.value(() -> ProgramDates.parse("startDate", startDate));
            LocalDate end = checks.value(() -> ProgramDates.parse("endDate", endDate));
            checks.done();
            FlexProgram changed = service.editDates(programId, start, end, me.userId());
            redirect.addFlashAttribute("success", "FortiFlex program " + p.serialNumber() + " now runs from "
                    + changed.startDate() + " to " + changed.endDate() + ".");
            return "redirect:/admin/flex-programs/" + programId;
        } catch (InvalidInputException e) {
            return programPage(model, p, new ProgramEdits(null, new String[]{startDate, endDate}, null),
                    Map.of("dates", FormErrors.refused(e, response)));
        }
    }

    @PostMapping("/{programId}/end")
    String endEarly(@AuthenticationPrincipal PortalUser me, @PathVariable long programId,
                    @RequestParam(defaultValue = "") String endDate, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) {
        FlexProgram p = program(programId);
        try {
            FlexProgram changed = service.endEarly(programId, ProgramDates.parse("endDate", endDate), me.userId());
            redirect.addFlashAttribute("success", "FortiFlex program " + p.serialNumber() + " ends on " + changed.endDate()
                    + (changed.hasEnded(clock.today()) ? ": it has ended." : "."));
            return "redirect:/admin/flex-programs/" + programId;
        } catch (InvalidInputException e) {
            return programPage(model, p, new ProgramEdits(null, null, endDate), Map.of("end", FormErrors.refused(e, response)));
        }
    }

    private FlexProgram program(long programId) {
        return programs.findById(programId).orElseThrow(() -> new NotFoundException("FortiFlex program " + programId + " was not found."));
    }

    private static Integer parseMonths(String raw) {
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("months", "A FortiFlex program term is 12, 36 or 60 months.");
        }
    }

    /** What the admin typed, shown again next to the errors: months, [start, end], early end. */
    record ProgramEdits(String months, String[] dates, String endDate) {
    }

    private String programPage(Model model, FlexProgram p, ProgramEdits typed, Map<String, FormErrors> errors) {
        LocalDate today = clock.today();
        model.addAttribute("program", p);
        model.addAttribute("account", accounts.findById(p.accountId()).orElseThrow());
        model.addAttribute("today", today);
        model.addAttribute("terms", ProgramDates.TERMS.stream().sorted()
                .map(m -> Map.of("months", m, "end", ProgramDates.extendedEnd(p, m, today))).toList());
        model.addAttribute("changes", changes.of(p.id()));
        model.addAttribute("typed", typed);
        model.addAttribute("startValue", typed.dates() != null ? typed.dates()[0] : p.startDate().toString());
        model.addAttribute("endValue", typed.dates() != null ? typed.dates()[1] : p.endDate().toString());
        model.addAttribute("earlyEndValue", typed.endDate() != null ? typed.endDate() : today.toString());
        model.addAttribute("extendErrors", errors.getOrDefault("extend", new FormErrors()));
        model.addAttribute("datesErrors", errors.getOrDefault("dates", new FormErrors()));
        model.addAttribute("endErrors", errors.getOrDefault("end", new FormErrors()));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "flex/admin-program";
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
                    "Register an account's FortiFlex program (prepaid or postpaid; one per account), extend it, correct its dates or end it early.");
        }
    }
}
