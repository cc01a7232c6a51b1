package com.fortinet.marketplace.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Comparator;
import java.util.List;

@Controller
class AdminController {

    private final List<AdminLink> links;

    AdminController(List<AdminLink> links) {
        this.links = links;
    }

    @GetMapping("/admin")
    String index(Model model) {
        model.addAttribute("links", links.stream().sorted(Comparator.comparingInt(AdminLink::order)).toList());
        return "admin/index";
    }

    @Configuration(proxyBeanMethods = false)
    static class CoreAdminLinks {
        @Bean
        AdminLink accountsLink() {
            return new AdminLink(10, "Accounts", "/admin/accounts", "Create and edit FortiCloud accounts.");
        }

        @Bean
        AdminLink usersLink() {
            return new AdminLink(20, "Users", "/admin/users", "Create users, disable them, reset passwords.");
        }

        @Bean
        AdminLink partnerLinksLink() {
            return new AdminLink(30, "Partner links", "/admin/partner-links", "Which end customers each partner manages.");
        }
    }
}
