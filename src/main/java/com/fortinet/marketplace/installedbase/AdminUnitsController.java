package com.fortinet.marketplace.installedbase;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.admin.AdminLink;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

@Controller
@RequestMapping("/admin/units")
class AdminUnitsController {

    private final InstalledBaseService service;
    private final AccountRepository accounts;

    AdminUnitsController(InstalledBaseService service, AccountRepository accounts) {
        this.service = service;
        this.accounts = accounts;
    }

    record UnitForm(Long accountId, String serialNumber, String family, String model, String location,
                    LocalDate endOfSupport, String service, LocalDate startDate, LocalDate endDate) {
    }

    @GetMapping
    String page(@RequestParam(required = false) Long accountId, Model m) {
        m.addAttribute("form", new UnitForm(accountId, "", "FortiGate", "", "", null, "FC247", null, null));
        m.addAttribute("errors", new FormErrors());
        return fill(m, accountId);
    }

    private String fill(Model m, Long accountId) {
        m.addAttribute("accounts", accounts.findAllByOrderByName());
        m.addAttribute("families", InstalledBaseService.FAMILIES);
        m.addAttribute("csvHeader", InstalledBaseService.CSV_HEADER);
        m.addAttribute("importAccountId", accountId);
        return "installedbase/admin";
    }

    @PostMapping
    String add(UnitForm form, Model m, RedirectAttributes redirect) {
        try {
            if (form.accountId() == null) {
                throw new InvalidInputException("accountId", "Choose the account that owns the unit.");
            }
            List<NewUnit.NewService> services = form.service() == null || form.service().isBlank() ? List.of()
                    : List.of(new NewUnit.NewService(form.service(), form.startDate(), form.endDate(), null));
            service.addUnit(form.accountId(), new NewUnit(form.serialNumber(), form.model(), form.family(),
                    form.location(), form.endOfSupport(), services));
            redirect.addFlashAttribute("success", "Unit " + form.serialNumber().trim().toUpperCase() + " registered.");
            return "redirect:/admin/units?accountId=" + form.accountId();
        } catch (InvalidInputException | ConflictException | NotFoundException e) {
            String field = e instanceof InvalidInputException i ? i.field() : e instanceof ConflictException c ? c.field() : "accountId";
            m.addAttribute("form", form);
            m.addAttribute("errors", FormErrors.of(field, e.getMessage()));
            return fill(m, form.accountId());
        }
    }

    @PostMapping("/import")
    String importCsv(@RequestParam(required = false) Long accountId, @RequestParam(required = false) MultipartFile file,
                     @RequestParam(defaultValue = "") String csv, Model m, RedirectAttributes redirect) throws IOException {
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : csv;
        m.addAttribute("form", new UnitForm(accountId, "", "FortiGate", "", "", null, "FC247", null, null));
        m.addAttribute("errors", new FormErrors());
        m.addAttribute("csv", csv);
        if (accountId == null) {
            m.addAttribute("importErrors", List.of("Choose the account the units belong to."));
            return fill(m, null);
        }
        ImportResult r;
        try {
            r = service.importCsv(accountId, text);
        } catch (NotFoundException e) {
            m.addAttribute("importErrors", List.of(e.getMessage()));
            return fill(m, accountId);
        }
        if (!r.ok()) {
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
            return new AdminLink(40, "Installed base", "/admin/units", "Register units and contracts; CSV import.");
        }
    }
}
