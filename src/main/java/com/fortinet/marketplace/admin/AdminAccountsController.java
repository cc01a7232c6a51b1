package com.fortinet.marketplace.admin;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.PageLinks;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;

@Controller
@RequestMapping("/admin/accounts")
class AdminAccountsController {

    private final AccountRepository accounts;
    private final AccountService service;

    AdminAccountsController(AccountRepository accounts, AccountService service) {
        this.accounts = accounts;
        this.service = service;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) AccountType type,
                @RequestParam(defaultValue = "0") int page, Model model) {
        var result = accounts.search(q.trim(), type, PageRequest.of(PageLinks.page(page), 25, Sort.by("name")));
        model.addAttribute("page", result);
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("pageBase", PageLinks.base("/admin/accounts", Map.of("q", q, "type", type == null ? "" : type)));
        return "admin/accounts";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new AccountForm("", null, null));
        model.addAttribute("errors", new FormErrors());
        return "admin/account-form";
    }

    @PostMapping
    String create(AccountForm form, BindingResult binding, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        if (binding.hasErrors()) { // a type or region that isn't one of the options
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.from(binding, response));
            return "admin/account-form";
        }
        try {
            Account a = service.create(form.name(), form.type(), form.region());
            redirect.addFlashAttribute("success", "Account " + a.getName() + " created with FortiCloud id " + a.getId() + ".");
            return "redirect:/admin/accounts?q=" + a.getId();
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.refused(e, response));
            return "admin/account-form";
        }
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Account a = service.get(id);
        model.addAttribute("account", a);
        model.addAttribute("form", new AccountForm(a.getName(), a.getType(), a.getRegion()));
        model.addAttribute("errors", new FormErrors());
        return "admin/account-form";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, AccountForm form, BindingResult binding, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        if (binding.hasErrors()) { // a region that isn't one of the options
            model.addAttribute("account", service.get(id));
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.from(binding, response));
            return "admin/account-form";
        }
        try {
            Account a = service.update(id, form.name(), form.region());
            redirect.addFlashAttribute("success", "Account " + a.getName() + " saved.");
            return "redirect:/admin/accounts";
        } catch (InvalidInputException e) {
            model.addAttribute("account", service.get(id));
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.refused(e, response));
            return "admin/account-form";
        }
    }

    record AccountForm(String name, AccountType type, Region region) {
    }
}
