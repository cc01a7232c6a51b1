package com.fortinet.marketplace.installedbase;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.admin.AdminLink;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import com.fortinet.marketplace.web.PageLinks;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Controller
@RequestMapping("/admin/units")
class AdminUnitsController {

    private final InstalledBaseService service;
    private final InstalledBase base;
    private final AccountRepository accounts;

    AdminUnitsController(InstalledBaseService service, InstalledBase base, AccountRepository accounts) {
        this.service = service;
        this.base = base;
        this.accounts = accounts;
    }

    record UnitForm(Long accountId, String serialNumber, String family, String model, String location,
                    LocalDate endOfSupport, String service, LocalDate startDate, LocalDate endDate) {
    }

    static final int PAGE_SIZE = 25;

    @GetMapping
    String page(@RequestParam(required = false) Long accountId, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "0") int page, Model m) {
        m.addAttribute("form", new UnitForm(accountId, "", "FortiGate", "", "", null, "FC247", null, null));
        m.addAttribute("errors", new FormErrors());
        m.addAttribute("q", q);
        m.addAttribute("units", base.adminSearch(q, PageRequest.of(PageLinks.page(page), PAGE_SIZE)));
        m.addAttribute("pageBase", PageLinks.base("/admin/units", Map.of("q", q)));
        return fill(m, accountId);
    }

    private String fill(Model m, Long accountId) {
        if (!m.containsAttribute("units")) {
            m.addAttribute("q", "");
            m.addAttribute("units", base.adminSearch("", PageRequest.of(0, PAGE_SIZE)));
            m.addAttribute("pageBase", PageLinks.base("/admin/units", Map.of()));
        }
        m.addAttribute("accounts", accounts.findAllByOrderByName());
        m.addAttribute("families", InstalledBaseService.FAMILIES);
        m.addAttribute("csvHeader", InstalledBaseService.CSV_HEADER);
        m.addAttribute("importAccountId", accountId);
        return "installedbase/admin";
    }

    @PostMapping
    String add(UnitForm form, BindingResult binding, Model m, HttpServletResponse response, RedirectAttributes redirect) {
        // Values that don't convert (a date, an account id) and required fields left empty, flagged together.
        FormErrors errors = binding.hasErrors() ? FormErrors.from(binding) : new FormErrors();
        missing(form).all().forEach((field, message) -> {
            if (!errors.has(field)) {
                errors.add(field, message);
            }
        });
        if (!errors.isEmpty()) {
            response.setStatus(400);
            m.addAttribute("form", form);
            m.addAttribute("errors", errors);
            return fill(m, form.accountId());
        }
        try {
            List<NewUnit.NewService> services = form.service() == null || form.service().isBlank() ? List.of()
                    : List.of(new NewUnit.NewService(form.service(), form.startDate(), form.endDate(), null));
            service.addUnit(form.accountId(), new NewUnit(form.serialNumber(), form.model(), form.family(),
                    form.location(), form.endOfSupport(), services));
            redirect.addFlashAttribute("success", "Unit " + form.serialNumber().trim().toUpperCase() + " registered.");
            return "redirect:/admin/units?accountId=" + form.accountId();
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            m.addAttribute("form", form);
            m.addAttribute("errors", FormErrors.refused(e, "accountId", response)); // not found: the account chosen
            return fill(m, form.accountId());
        }
    }

    /** Every required field left empty, each flagged at its field (not only the first one). */
    private static FormErrors missing(UnitForm f) {
        FormErrors e = new FormErrors();
        if (f.accountId() == null) {
            e.add("accountId", "Choose the account that owns the unit.");
        }
        if (blank(f.serialNumber())) {
            e.add("serialNumber", "Enter the serial number, e.g. FGT60FTK20012345.");
        }
        if (blank(f.family())) {
            e.add("family", "Choose the product family.");
        }
        if (blank(f.model())) {
            e.add("model", "Enter the model, e.g. FGT60F.");
        }
        boolean contract = !blank(f.service()) && (f.startDate() != null || f.endDate() != null);
        if (contract && (f.startDate() == null || f.endDate() == null)) {
            e.add("services", "The existing contract needs both a start and an end date (or leave both empty).");
        }
        return e;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model m) {
        InstalledBase.AdminRow unit = base.adminRow(id).orElseThrow(() -> new NotFoundException("Unit " + id + " was not found."));
        m.addAttribute("unit", unit);
        m.addAttribute("form", new EditForm(unit.family(), unit.model(), unit.location(), unit.endOfSupport()));
        m.addAttribute("errors", new FormErrors());
        m.addAttribute("families", InstalledBaseService.FAMILIES);
        return "installedbase/admin-edit";
    }

    record EditForm(String family, String model, String location, LocalDate endOfSupport) {
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, EditForm form, BindingResult binding, Model m, HttpServletResponse response,
                  RedirectAttributes redirect) {
        if (binding.hasErrors()) { // an end of support that isn't a date
            return editAgain(id, form, FormErrors.from(binding, response), m);
        }
        try {
            InstalledBase.AdminRow u = service.updateUnit(id, form.family(), form.model(), form.location(), form.endOfSupport());
            redirect.addFlashAttribute("success", "Unit " + u.serialNumber() + " of " + u.accountName() + " saved.");
            return "redirect:/admin/units?q=" + u.serialNumber();
        } catch (InvalidInputException e) {
            return editAgain(id, form, FormErrors.refused(e, response), m);
        }
    }

    private String editAgain(long id, EditForm form, FormErrors errors, Model m) {
        m.addAttribute("unit", base.adminRow(id).orElseThrow(() -> new NotFoundException("Unit " + id + " was not found.")));
        m.addAttribute("form", form);
        m.addAttribute("errors", errors);
        m.addAttribute("families", InstalledBaseService.FAMILIES);
        return "installedbase/admin-edit";
    }

    @PostMapping("/import")
    String importCsv(@RequestParam(required = false) Long accountId, @RequestParam(required = false) MultipartFile file,
                     @RequestParam(defaultValue = "") String csv, Model m, HttpServletResponse response,
                     RedirectAttributes redirect) throws IOException {
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : csv;
        m.addAttribute("form", new UnitForm(accountId, "", "FortiGate", "", "", null, "FC247", null, null));
        m.addAttribute("errors", new FormErrors());
        m.addAttribute("csv", csv);
        if (accountId == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            m.addAttribute("importErrors", List.of("Choose the account the units belong to."));
            return fill(m, null);
        }
        ImportResult r;
        try {
            r = service.importCsv(accountId, text);
        } catch (NotFoundException e) {
            response.setStatus(FormErrors.status(e).value());
            m.addAttribute("importErrors", List.of(e.getMessage()));
            return fill(m, accountId);
        }
        if (!r.ok()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST); // lines to fix
            m.addAttribute("importErrors", r.errors());
            return fill(m, accountId);
        }
        redirect.addFlashAttribute("success", "Imported " + r.created() + " units with " + r.contracts() + " contracts.");
        return "redirect:/accounts/" + accountId + "/units";
    }

    @Configuration(proxyBeanMethods = false)
    static class Links {
        @Bean
        AdminLink installedBaseLink() {
            return new AdminLink(40, "Installed base", "/admin/units", "List, search and edit units; register units and contracts; CSV import.");
        }
    }
}
