package com.fortinet.marketplace.points;

import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.Csv;
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

import java.io.IOException;

/** Admin pages of the points feature: SKU catalogue, registration code batches, e-mail outbox. */
@Controller
@RequestMapping("/admin")
class PointsAdminController {

    private final PointsSkus skus;
    private final RegistrationCodes codes;
    private final Mailer mailer;

    PointsAdminController(PointsSkus skus, RegistrationCodes codes, Mailer mailer) {
        this.skus = skus;
        this.codes = codes;
        this.mailer = mailer;
    }

    // ---- SKU catalogue

    @GetMapping("/points-skus")
    String skus(Model model) {
        return skuPage(model, "", "", "", "FORTIPOINTS", new FormErrors());
    }

    @PostMapping("/points-skus")
    String createSku(@RequestParam(defaultValue = "") String sku, @RequestParam(defaultValue = "") String points,
                     @RequestParam(defaultValue = "") String description,
                     @RequestParam(defaultValue = "FORTIPOINTS") String kind, Model model, HttpServletResponse response,
                     RedirectAttributes redirect) {
        try {
            // What doesn't parse is left out: the catalogue names every field that is missing or wrong at once.
            PointsSku created = skus.create(sku, wholeNumber(points), kindOf(kind), description);
            redirect.addFlashAttribute("success", "SKU " + created.sku() + " added: " + created.points() + " "
                    + created.kind().label() + " per pack.");
            return "redirect:/admin/points-skus";
        } catch (InvalidInputException | ConflictException e) {
            return skuPage(model, sku, points, description, kind, FormErrors.refused(e, response));
        }
    }

    private static Long wholeNumber(String raw) {
        try {
            return raw.isBlank() ? null : Long.valueOf(raw.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static SkuKind kindOf(String raw) {
        try {
            return SkuKind.valueOf(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/points-skus/{sku}/active")
    String setActive(@PathVariable String sku, @RequestParam boolean active, RedirectAttributes redirect) {
        skus.setActive(sku, active);
        redirect.addFlashAttribute("success", "SKU " + sku + (active ? " is active again." : " is inactive: no new codes can be issued for it."));
        return "redirect:/admin/points-skus";
    }

    private String skuPage(Model model, String sku, String points, String description, String kind, FormErrors errors) {
        model.addAttribute("skus", skus.all());
        model.addAttribute("kinds", SkuKind.values());
        model.addAttribute("form", java.util.Map.of("sku", sku, "points", points, "description", description, "kind", kind));
        model.addAttribute("errors", errors);
        return "points/admin-skus";
    }

    // ---- registration codes

    @GetMapping("/registration-codes")
    String codes(Model model) {
        return codesPage(model, "", "10", "", new FormErrors());
    }

    @PostMapping("/registration-codes")
    String issue(@AuthenticationPrincipal PortalUser me, @RequestParam(defaultValue = "") String sku,
                 @RequestParam(defaultValue = "") String count, @RequestParam(defaultValue = "") String note,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Long n = wholeNumber(count); // out of range like unparsable: the service says what is allowed
            var batch = codes.issue(sku, n == null || n != n.intValue() ? null : n.intValue(), note, me.userId());
            redirect.addFlashAttribute("success", batch.count() + " registration codes issued for " + batch.sku() + ".");
            return "redirect:/admin/registration-codes/batches/" + batch.id();
        } catch (InvalidInputException e) {
            return codesPage(model, sku, count, note, FormErrors.refused(e, response));
        }
    }

    @GetMapping("/registration-codes/batches/{id}")
    String batch(@PathVariable long id, Model model) {
        model.addAttribute("batch", codes.batch(id));
        model.addAttribute("codes", codes.codesOf(id));
        return "points/admin-batch";
    }

    @GetMapping("/registration-codes/batches/{id}.csv")
    void batchCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        var batch = codes.batch(id);
        try (Csv csv = Csv.open(response, "registration-codes-batch-" + id + ".csv")) {
            csv.row("registration_code", "sku", "points", "batch_id", "registered_at_utc", "account_id");
            for (var c : codes.codesOf(id)) {
                csv.row(c.display(), c.sku(), batch.pointsPerCode(), id, c.registeredAt(), c.accountId());
            }
        }
    }

    private String codesPage(Model model, String sku, String count, String note, FormErrors errors) {
        model.addAttribute("skus", skus.active());
        model.addAttribute("batches", codes.recentBatches(50));
        model.addAttribute("form", java.util.Map.of("sku", sku, "count", count, "note", note));
        model.addAttribute("errors", errors);
        model.addAttribute("maxBatch", RegistrationCodes.MAX_BATCH);
        return "points/admin-codes";
    }

    // ---- outbox

    @GetMapping("/outbox")
    String outbox(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("messages", mailer.recent(200, q));
        model.addAttribute("q", q);
        model.addAttribute("smtp", mailer.smtpConfigured());
        return "points/admin-outbox";
    }
}
