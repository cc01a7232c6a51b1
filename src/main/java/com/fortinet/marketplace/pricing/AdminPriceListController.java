package com.fortinet.marketplace.pricing;

import com.fortinet.marketplace.admin.AdminLink;
import com.fortinet.marketplace.installedbase.ImportResult;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Controller
@RequestMapping("/admin/price-list")
class AdminPriceListController {

    private final PriceList prices;

    AdminPriceListController(PriceList prices) {
        this.prices = prices;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String model, Model m) {
        fill(m, model);
        m.addAttribute("errors", new FormErrors());
        m.addAttribute("form", new PriceForm("", "", 12, null));
        return "pricing/admin";
    }

    private void fill(Model m, String model) {
        List<Price> list = prices.list(model);
        // One row per (model, service) with the three terms side by side: easier to compare than 3 rows.
        Map<String, Map<Integer, Long>> grid = new LinkedHashMap<>();
        for (Price p : list) {
            grid.computeIfAbsent(p.model() + " " + p.service(), k -> new LinkedHashMap<>()).put(p.termMonths(), p.points());
        }
        m.addAttribute("grid", grid);
        m.addAttribute("model", model);
        m.addAttribute("models", prices.models());
        m.addAttribute("terms", PriceList.TERMS);
        m.addAttribute("csvHeader", PriceList.CSV_HEADER);
    }

    record PriceForm(String model, String service, Integer termMonths, Long points) {
    }

    @PostMapping
    String put(PriceForm form, BindingResult binding, Model m, HttpServletResponse response,
               RedirectAttributes redirect) {
        if (binding.hasErrors()) { // e.g. letters or a 20-digit number for the points
            fill(m, "");
            m.addAttribute("form", form);
            m.addAttribute("errors", FormErrors.from(binding, response));
            return "pricing/admin";
        }
        try {
            prices.put(form.model(), form.service(), form.termMonths() == null ? 0 : form.termMonths(),
                    form.points() == null ? 0 : form.points());
            redirect.addFlashAttribute("success", "Price saved: " + form.model().toUpperCase() + " " + form.service().toUpperCase()
                    + " " + form.termMonths() + " months = " + form.points() + " points.");
            return "redirect:/admin/price-list?model=" + form.model().trim().toUpperCase();
        } catch (InvalidInputException e) {
            fill(m, "");
            m.addAttribute("form", form);
            m.addAttribute("errors", FormErrors.refused(e, response));
            return "pricing/admin";
        }
    }

    @PostMapping("/import")
    String importCsv(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String csv,
                     Model m, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : csv;
        ImportResult r = prices.importCsv(text);
        if (r.ok()) {
            redirect.addFlashAttribute("success", r.created() + " prices imported.");
            return "redirect:/admin/price-list";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST); // lines to fix
        fill(m, "");
        m.addAttribute("form", new PriceForm("", "", 12, null));
        m.addAttribute("errors", new FormErrors());
        m.addAttribute("importErrors", r.errors());
        m.addAttribute("csv", csv);
        return "pricing/admin";
    }

    @Configuration(proxyBeanMethods = false)
    static class Links {
        @Bean
        AdminLink priceListLink() {
            return new AdminLink(50, "Price list", "/admin/price-list", "Points per model, service and term; CSV import.");
        }
    }
}
