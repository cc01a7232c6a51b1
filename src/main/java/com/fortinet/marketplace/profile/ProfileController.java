package com.fortinet.marketplace.profile;

import com.fortinet.marketplace.accounts.UserService;
import com.fortinet.marketplace.security.ApiKeys;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/profile")
class ProfileController {

    private final UserService users;
    private final ApiKeys apiKeys;

    ProfileController(UserService users, ApiKeys apiKeys) {
        this.users = users;
        this.apiKeys = apiKeys;
    }

    @GetMapping
    String show(@AuthenticationPrincipal PortalUser me, Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        model.addAttribute("user", users.get(me.userId()));
        model.addAttribute("keys", apiKeys.keysOf(me.userId()));
        return "profile/show";
    }

    @PostMapping("/password")
    String changePassword(@AuthenticationPrincipal PortalUser me, @RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword,
                          @RequestParam(defaultValue = "") String confirmPassword, Model model,
                          HttpServletResponse response, RedirectAttributes redirect) {
        try {
            users.changePassword(me.userId(), currentPassword, newPassword, confirmPassword);
            redirect.addFlashAttribute("success", "Password changed.");
            return "redirect:/profile";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.refused(e, response));
            return show(me, model);
        }
    }

    @PostMapping("/api-keys")
    String createKey(@AuthenticationPrincipal PortalUser me, @RequestParam(defaultValue = "") String name, Model model,
                     HttpServletResponse response) {
        try {
            ApiKeys.CreatedKey key = apiKeys.create(me.userId(), name);
            model.addAttribute("createdKey", key);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.refused(e, response));
            model.addAttribute("keyName", name);
        }
        return show(me, model);
    }

    @PostMapping("/api-keys/{id}/revoke")
    String revoke(@AuthenticationPrincipal PortalUser me, @PathVariable long id, RedirectAttributes redirect) {
        apiKeys.revoke(me.userId(), id);
        redirect.addFlashAttribute("success", "API key revoked. Scripts using it are refused from now on.");
        return "redirect:/profile";
    }
}
