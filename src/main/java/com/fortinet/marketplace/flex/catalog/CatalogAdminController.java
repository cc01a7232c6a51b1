package com.fortinet.marketplace.flex.catalog;

import com.fortinet.marketplace.admin.AdminLink;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Back office: the FortiFlex catalogue (product types, parameters, caps). Ids and kinds stay FortiFlex's. */
@Controller
@RequestMapping("/admin/flex-catalog")
class CatalogAdminController {

    private final Catalog catalog;
    private final CatalogEditor editor;

    CatalogAdminController(Catalog catalog, CatalogEditor editor) {
        this.catalog = catalog;
        this.editor = editor;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("types", catalog.productTypes());
        model.addAttribute("errors", new FormErrors());
        return "flex/catalog/admin";
    }

    @GetMapping("/parameters/{id}")
    String edit(@PathVariable int id, Model model) {
        Parameter p = parameter(id);
        model.addAttribute("p", p);
        model.addAttribute("type", catalog.get(p.productTypeId()));
        model.addAttribute("form", new CatalogEditor.ParameterEdit(p.name(), str(p.min()), str(p.max()),
                String.join(",", p.values()), p.required(), p.defaultValue()));
        model.addAttribute("errors", new FormErrors());
        return "flex/catalog/parameter";
    }

    @PostMapping("/parameters/{id}")
    String save(@PathVariable int id, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String min,
                @RequestParam(defaultValue = "") String max, @RequestParam(defaultValue = "") String values,
                @RequestParam(defaultValue = "false") boolean required, @RequestParam(defaultValue = "") String defaultValue,
                Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Parameter p = parameter(id);
        var form = new CatalogEditor.ParameterEdit(name, min, max, values, required, defaultValue);
        try {
            Parameter saved = editor.updateParameter(id, form);
            redirect.addFlashAttribute("success", "Parameter " + saved.label() + " saved.");
            return "redirect:/admin/flex-catalog#type-" + p.productTypeId();
        } catch (InvalidInputException e) {
            model.addAttribute("p", p);
            model.addAttribute("type", catalog.get(p.productTypeId()));
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.refused(e, response));
            return "flex/catalog/parameter";
        }
    }

    @PostMapping("/caps")
    String putCap(@RequestParam(required = false) Integer parameterId, @RequestParam(required = false) Integer byParameterId,
                  @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String capMax,
                  RedirectAttributes redirect) {
        try {
            if (parameterId == null) {
                throw new InvalidInputException("parameterId", "Choose the parameter to cap.");
            }
            editor.putCap(parameterId, byParameterId, from, capMax);
            redirect.addFlashAttribute("success", "Cap saved.");
        } catch (InvalidInputException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/flex-catalog";
    }

    @PostMapping("/caps/delete")
    String deleteCap(@RequestParam int parameterId, @RequestParam int byParameterId, @RequestParam long from,
                     RedirectAttributes redirect) {
        try {
            editor.deleteCap(parameterId, byParameterId, from);
            redirect.addFlashAttribute("success", "Cap removed.");
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/flex-catalog";
    }

    private Parameter parameter(int id) {
        return catalog.productTypes().stream().flatMap(t -> t.parameters().stream()).filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no FortiFlex parameter " + id + "."));
    }

    private static String str(Long v) {
        return v == null ? "" : String.valueOf(v);
    }

    @Configuration(proxyBeanMethods = false)
    static class Links {
        @Bean
        AdminLink flexCatalogLink() {
            return new AdminLink(62, "FortiFlex catalogue", "/admin/flex-catalog",
                    "Product types and parameters (FortiFlex ids), their ranges, values and caps.");
        }

        @Bean
        AdminLink flexRatesLink() {
            return new AdminLink(64, "FortiFlex rates", "/admin/flex-rates",
                    "Points per day by product type and parameters; CSV import and export.");
        }
    }
}
