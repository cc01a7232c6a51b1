package com.fortinet.marketplace.admin;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.Permission;
import com.fortinet.marketplace.accounts.Role;
import com.fortinet.marketplace.accounts.User;
import com.fortinet.marketplace.accounts.UserRepository;
import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.PageLinks;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import java.util.stream.Collectors;

@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

    private final UserRepository users;
    private final UserService service;
    private final AccountRepository accounts;

    AdminUsersController(UserRepository users, UserService service, AccountRepository accounts) {
        this.users = users;
        this.service = service;
        this.accounts = accounts;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        var result = users.search(q.trim(), PageRequest.of(PageLinks.page(page), 25, Sort.by("email")));
        var accountIds = result.stream().map(User::getAccountId).filter(id -> id != null).collect(Collectors.toSet());
        model.addAttribute("accountNames", accounts.findAllById(accountIds).stream()
                .collect(Collectors.toMap(a -> a.getId(), a -> a.getName(), (a, b) -> a)));
        model.addAttribute("page", result);
        model.addAttribute("q", q);
        model.addAttribute("pageBase", PageLinks.base("/admin/users", Map.of("q", q)));
        return "admin/users";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(model, new UserForm("", "", "", null, Permission.READ_WRITE, null), new FormErrors());
    }

    @PostMapping
    String create(UserForm form, BindingResult binding, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        if (binding.hasErrors()) { // a role, permission or account id that doesn't convert
            return form(model, form, FormErrors.from(binding, response));
        }
        try {
            User u = service.create(new UserService.NewUser(form.email(), form.displayName(), form.password(),
                    form.role(), form.permission(), form.accountId()));
            redirect.addFlashAttribute("success", "User " + u.getEmail() + " created.");
            return "redirect:/admin/users?q=" + u.getEmail();
        } catch (InvalidInputException | ConflictException e) {
            return form(model, form, FormErrors.refused(e, response));
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        User u = service.get(id);
        return editForm(model, u, new UserService.Change(u.getDisplayName(), u.getRole(), u.getPermission(), u.getAccountId()),
                new FormErrors());
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal PortalUser me, @PathVariable long id, EditForm form, BindingResult binding,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var change = new UserService.Change(form.displayName(), form.role(), form.permission(), form.accountId());
        if (binding.hasErrors()) { // a role, permission or account id that doesn't convert
            return editForm(model, service.get(id), change, FormErrors.from(binding, response));
        }
        try {
            User u = service.update(id, me.userId(), change);
            redirect.addFlashAttribute("success", "User " + u.getEmail() + " is now " + u.getRole().label().toLowerCase()
                    + (u.getRole().belongsToAccount() ? ", " + (u.getPermission() == Permission.READ_WRITE ? "read and write" : "read only")
                    + " on " + accountName(u.getAccountId()) : "") + ". The change applies from the user's next sign-in.");
            return "redirect:/admin/users?q=" + u.getEmail();
        } catch (InvalidInputException e) {
            return editForm(model, service.get(id), change, FormErrors.refused(e, response));
        }
    }

    private String editForm(Model model, User user, UserService.Change form, FormErrors errors) {
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        model.addAttribute("accounts", accounts.findAllByOrderByName());
        return "admin/user-edit";
    }

    private String accountName(Long id) {
        return id == null ? "—" : accounts.findById(id).map(a -> a.getName()).orElse(String.valueOf(id));
    }

    record EditForm(String displayName, Role role, Permission permission, Long accountId) {
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@AuthenticationPrincipal PortalUser me, @PathVariable long id, @RequestParam boolean enabled,
                      RedirectAttributes redirect) {
        if (id == me.userId() && !enabled) {
            redirect.addFlashAttribute("error", "You can't disable yourself.");
            return "redirect:/admin/users";
        }
        service.setEnabled(id, enabled);
        redirect.addFlashAttribute("success", "User " + service.get(id).getEmail() + (enabled ? " enabled." : " disabled."));
        return "redirect:/admin/users";
    }

    @GetMapping("/{id}/password")
    String resetForm(@PathVariable long id, Model model) {
        model.addAttribute("user", service.get(id));
        model.addAttribute("errors", new FormErrors());
        return "admin/user-password";
    }

    @PostMapping("/{id}/password")
    String reset(@PathVariable long id, @RequestParam(defaultValue = "") String password, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        try {
            service.resetPassword(id, password);
            redirect.addFlashAttribute("success", "Password of " + service.get(id).getEmail() + " reset. Tell the user the new password through a safe channel.");
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            model.addAttribute("user", service.get(id));
            model.addAttribute("errors", FormErrors.refused(e, response));
            return "admin/user-password";
        }
    }

    private String form(Model model, UserForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        model.addAttribute("permissions", Permission.values());
        model.addAttribute("accounts", accounts.findAllByOrderByName());
        return "admin/user-form";
    }

    record UserForm(String email, String displayName, String password, Role role, Permission permission, Long accountId) {
    }
}
