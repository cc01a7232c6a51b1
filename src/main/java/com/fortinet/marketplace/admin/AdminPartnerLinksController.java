package com.fortinet.marketplace.admin;

import com.fortinet.marketplace.accounts.AccountRepository;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.accounts.AccountType;
import com.fortinet.marketplace.accounts.PartnerLinks;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/partner-links")
class AdminPartnerLinksController {

    private final PartnerLinks links;
    private final AccountService service;
    private final AccountRepository accounts;

    AdminPartnerLinksController(PartnerLinks links, AccountService service, AccountRepository accounts) {
        this.links = links;
        this.service = service;
        this.accounts = accounts;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("links", links.all());
        model.addAttribute("partners", accounts.findByTypeOrderByName(AccountType.PARTNER));
        model.addAttribute("customers", accounts.findByTypeOrderByName(AccountType.CUSTOMER));
        return "admin/partner-links";
    }

    @PostMapping
    String link(@RequestParam(required = false) Long partnerId, @RequestParam(required = false) Long customerId,
                RedirectAttributes redirect) {
        try {
            if (partnerId == null || customerId == null) {
                throw new InvalidInputException("partnerId", "Choose a partner and an end customer.");
            }
            String partner = service.get(partnerId).getName();
            String customer = service.get(customerId).getName();
            if (service.link(partnerId, customerId)) {
                redirect.addFlashAttribute("success", partner + " now manages " + customer + ".");
            } else {
                redirect.addFlashAttribute("info", partner + " already manages " + customer + "; nothing was changed.");
            }
        } catch (InvalidInputException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/partner-links";
    }

    @PostMapping("/remove")
    String unlink(@RequestParam long partnerId, @RequestParam long customerId, RedirectAttributes redirect) {
        service.unlink(partnerId, customerId);
        redirect.addFlashAttribute("success", "Link removed.");
        return "redirect:/admin/partner-links";
    }
}
