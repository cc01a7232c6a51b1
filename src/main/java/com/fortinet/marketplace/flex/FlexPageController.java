package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.points.PointsLedger;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import com.fortinet.marketplace.web.PageLinks;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The account's FortiFlex program page, the transfer page (amount → live preview → confirm) and its confirmation. */
@Controller
@RequestMapping("/accounts/{accountId}/flex")
class FlexPageController {

    private final AccountScope scope;
    private final FlexProgramService programs;
    private final FlexTransferService transfers;
    private final FlexTransfers transferRows;
    private final FlexLedger ledger;
    private final BusinessClock clock;
    private final PointsLedger pointsLedger;
    private final FlexPacks packs;
    private final List<ProgramPageSection> sections;

    FlexPageController(AccountScope scope, FlexProgramService programs, FlexTransferService transfers,
                       FlexTransfers transferRows, FlexLedger ledger, BusinessClock clock, PointsLedger pointsLedger,
                       FlexPacks packs, List<ProgramPageSection> sections) {
        this.sections = sections;
        this.pointsLedger = pointsLedger;
        this.packs = packs;
        this.scope = scope;
        this.programs = programs;
        this.transfers = transfers;
        this.transferRows = transferRows;
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping
    String program(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        Account account = scope.requireVisible(me, accountId);
        FlexProgram program = programs.ofAccount(accountId).orElse(null);
        model.addAttribute("account", account);
        model.addAttribute("program", program);
        model.addAttribute("today", clock.today());
        model.addAttribute("refusal", TransferRules.refusal(program, clock.today()).orElse(null));
        model.addAttribute("packRefusal", PrepaidCredit.PACK.refusal(program, clock.today()).orElse(null));
        model.addAttribute("canChange", me.canChange());
        if (program != null) {
            model.addAttribute("packs", packs.ofAccount(accountId, 20));
            model.addAttribute("balance", ledger.balance(program.id()));
            model.addAttribute("nextAnniversary", program.nextAnniversary(clock.today()));
            model.addAttribute("ledger", ledger.page(program.id(), PageRequest.of(PageLinks.page(page), 20)));
            model.addAttribute("pageBase", PageLinks.base("/accounts/" + accountId + "/flex", Map.of()));
            model.addAttribute("transfers", transferRows.ofAccount(accountId, 10));
            model.addAttribute("programSections", sections.stream().map(s -> s.contribute(program, model))
                    .filter(Objects::nonNull).toList());
        }
        return "flex/program";
    }

    @GetMapping("/transfer")
    String transferPage(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                        @RequestParam(required = false) String points, Model model) {
        Account account = scope.requireVisible(me, accountId);
        FlexProgram program = programs.ofAccount(accountId).orElse(null);
        model.addAttribute("account", account);
        model.addAttribute("program", program);
        model.addAttribute("refusal", TransferRules.refusal(program, clock.today()).orElse(null));
        model.addAttribute("canChange", me.canChange());
        model.addAttribute("rate", transfers.rate());
        model.addAttribute("fortiPointsBalance", transfers.fortiPointsBalance(accountId));
        if (program != null) {
            model.addAttribute("flexBalance", ledger.balance(program.id()));
        }
        model.addAttribute("points", points == null ? "" : points);
        model.addAttribute("errors", new FormErrors());
        if (points != null && !points.isBlank() && me.canChange()) {
            fillPreview(accountId, points, model);
        }
        return "flex/transfer";
    }

    /** The live preview (htmx): the same model as the page's preview section. */
    @HxRequest
    @GetMapping("/transfer/preview")
    String preview(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                   @RequestParam(defaultValue = "") String points, Model model) {
        Account account = scope.requireWritable(me, accountId);
        model.addAttribute("account", account);
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("inPreview", true);
        if (!points.isBlank()) {
            fillPreview(accountId, points, model);
        }
        return "flex/transfer :: preview";
    }

    private void fillPreview(long accountId, String raw, Model model) {
        try {
            long points = TransferRules.parsePoints(raw);
            model.addAttribute("preview", transfers.preview(accountId, points));
            model.addAttribute("token", UUID.randomUUID().toString());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", FormErrors.of(e.field(), e.getMessage()));
        } catch (BusinessRuleException e) {
            model.addAttribute("errors", FormErrors.of("form", e.getMessage()));
        }
    }

    @PostMapping("/transfer")
    String transfer(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                    @RequestParam(defaultValue = "") String points, @RequestParam(defaultValue = "") String token,
                    Model model, RedirectAttributes redirect, HttpServletResponse response) {
        scope.requireWritable(me, accountId);
        try {
            var result = transfers.transfer(accountId, TransferRules.parsePoints(points), token, me.userId(), me.email());
            redirect.addFlashAttribute("success", result.replayed()
                    ? "This transfer was already done; nothing was charged twice."
                    : "Transferred " + FlexRollOver.fmt(result.transfer().fortiPointsSpent()) + " FortiPoints to FortiFlex program "
                    + result.transfer().programSerialNumber() + ".");
            return "redirect:/accounts/" + accountId + "/flex/transfers/" + result.transfer().id();
        } catch (InvalidInputException | BusinessRuleException | ConflictException e) {
            // the business rules and conflicts: insufficient points, no running program, a reused or still running request
            return transferPageWithError(me, accountId, points, model, FormErrors.refused(e, response));
        }
    }

    private String transferPageWithError(PortalUser me, long accountId, String points, Model model, FormErrors errors) {
        transferPage(me, accountId, null, model);
        model.addAttribute("points", points);
        model.addAttribute("errors", errors);
        return "flex/transfer";
    }

    @GetMapping("/transfers/{transferId}")
    String done(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, @PathVariable long transferId,
                Model model) {
        Account account = scope.requireVisible(me, accountId);
        FlexTransfer t = transferRows.find(accountId, transferId)
                .orElseThrow(() -> new NotFoundException("Transfer " + transferId + " was not found."));
        model.addAttribute("account", account);
        model.addAttribute("transfer", t);
        model.addAttribute("at", FlexTimes.format(t.createdAt()));
        model.addAttribute("allocations", pointsLedger.allocationsOf(t.pointsLedgerEntryId()));
        return "flex/transfer-done";
    }
}
