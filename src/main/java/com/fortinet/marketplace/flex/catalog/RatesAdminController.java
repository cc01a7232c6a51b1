package com.fortinet.marketplace.flex.catalog;

import com.fortinet.marketplace.installedbase.ImportResult;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import java.util.List;

/** Back office: the FortiFlex points-per-day rate table; set a rate, delete one, import and export CSV. */
@Controller
@RequestMapping("/admin/flex-rates")
class RatesAdminController {

    private final RateTable rates;
    private final Catalog catalog;

    RatesAdminController(RateTable rates, Catalog catalog) {
        this.rates = rates;
        this.catalog = catalog;
    }

    record RateForm(Integer productTypeId, String kind, String conditions, String perParameterId, String pointsPerDay) {
    }

    @GetMapping
    String list(@RequestParam(required = false) Integer productTypeId, Model model) {
        fill(model, productTypeId);
        model.addAttribute("form", new RateForm(productTypeId, "BASE", "", "", ""));
        model.addAttribute("errors", new FormErrors());
        return "flex/catalog/rates";
    }

    private void fill(Model model, Integer productTypeId) {
        List<ProductType> types = catalog.productTypes();
        ProductType type = types.stream().filter(t -> productTypeId != null && t.id() == productTypeId).findFirst()
                .orElse(types.get(0));
        List<Rate> list = rates.of(type.id());
        RateGrid grid = RateGrid.of(type, list);
        model.addAttribute("types", types);
        model.addAttribute("productTypeId", type.id());
        model.addAttribute("type", type);
        model.addAttribute("grid", grid);
        model.addAttribute("rates", list.stream().filter(r -> grid == null || !grid.covers(r)).toList());
        model.addAttribute("rateCount", list.size());
        model.addAttribute("demoCount", list.stream().filter(Rate::demo).count());
        model.addAttribute("csvHeader", RateTable.CSV_HEADER);
    }

    @PostMapping
    String put(@AuthenticationPrincipal PortalUser me, RateForm form, BindingResult binding, Model model,
               HttpServletResponse response, RedirectAttributes redirect) {
        if (binding.hasErrors()) { // a product type id that isn't a number
            return again(model, form, FormErrors.from(binding, response));
        }
        try {
            RateRows.Row row = rates.put(form.productTypeId(), form.kind(), form.conditions(), form.perParameterId(),
                    form.pointsPerDay(), me.userId(), me.email());
            redirect.addFlashAttribute("success", "Rate saved: product type " + row.productTypeId() + " " + row.kind()
                    + (row.conditions().isEmpty() ? "" : " " + row.conditions())
                    + (row.perParameterId() == 0 ? "" : " per unit of parameter " + row.perParameterId()) + " = "
                    + row.pointsPerDay().toPlainString() + " points/day. Configurations using it were priced again.");
            return "redirect:/admin/flex-rates?productTypeId=" + row.productTypeId();
        } catch (InvalidInputException | BusinessRuleException e) {
            return again(model, form, FormErrors.refused(e, response));
        }
    }

    private String again(Model model, RateForm form, FormErrors errors) {
        fill(model, form.productTypeId());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "flex/catalog/rates";
    }

    @PostMapping("/{rateId}/delete")
    String delete(@AuthenticationPrincipal PortalUser me, @PathVariable long rateId, RedirectAttributes redirect) {
        try {
            int type = rates.delete(rateId, me.userId(), me.email());
            redirect.addFlashAttribute("success", "Rate deleted; configurations it priced were priced again.");
            return "redirect:/admin/flex-rates?productTypeId=" + type;
        } catch (BusinessRuleException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/admin/flex-rates";
        }
    }

    @PostMapping("/import")
    String importCsv(@AuthenticationPrincipal PortalUser me, @RequestParam(required = false) MultipartFile file,
                     @RequestParam(defaultValue = "") String csv, Model model, HttpServletResponse response,
                     RedirectAttributes redirect) throws IOException {
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : csv;
        ImportResult r;
        HttpStatus refusal = HttpStatus.BAD_REQUEST; // lines to fix
        try {
            r = rates.importCsv(text, me.userId(), me.email());
        } catch (BusinessRuleException e) {
            r = new ImportResult(0, 0, 0, List.of(e.getMessage()));
            refusal = FormErrors.status(e);
        }
        if (r.ok()) {
            redirect.addFlashAttribute("success", r.created() + " rates imported; configurations using them were priced again.");
            return "redirect:/admin/flex-rates";
        }
        response.setStatus(refusal.value());
        fill(model, null);
        model.addAttribute("form", new RateForm(null, "BASE", "", "", ""));
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("importErrors", r.errors());
        model.addAttribute("csv", csv);
        return "flex/catalog/rates";
    }

    @GetMapping("/export.csv")
    ResponseEntity<String> export() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"fortiflex-rates.csv\"")
                .body(rates.csv());
    }
}
