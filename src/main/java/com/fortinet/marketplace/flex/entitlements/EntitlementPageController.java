package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.flex.FlexActor;
import com.fortinet.marketplace.flex.FlexForms;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.flex.PageResult;
import com.fortinet.marketplace.flex.RunningProgram;
import com.fortinet.marketplace.flex.catalog.Catalog;
import com.fortinet.marketplace.flex.catalog.ProductType;
import com.fortinet.marketplace.flex.configs.ConfigService;
import com.fortinet.marketplace.flex.configs.FlexConfig;
import com.fortinet.marketplace.installedbase.InstalledBase;
import com.fortinet.marketplace.installedbase.Unit;
import com.fortinet.marketplace.installedbase.UnitFilter;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.Csv;
import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import com.fortinet.marketplace.web.PageLinks;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * My Assets (the account's entitlements: filters, paging, selection of one product type, bulk stop / reactivate /
 * remove through a confirmation page, CSV export), creating entitlements, and an entitlement's page with its history.
 */
@Controller
@RequestMapping("/accounts/{accountId}/flex/entitlements")
class EntitlementPageController {

    static final int PAGE_SIZE = 25;

    private final AccountScope scope;
    private final EntitlementService entitlements;
    private final ConfigService configs;
    private final Catalog catalog;
    private final FlexPrograms programs;
    private final InstalledBase units;
    private final FlexForms forms;
    private final BusinessClock clock;

    EntitlementPageController(AccountScope scope, EntitlementService entitlements, ConfigService configs, Catalog catalog,
                              FlexPrograms programs, InstalledBase units, FlexForms forms, BusinessClock clock) {
        this.scope = scope;
        this.entitlements = entitlements;
        this.configs = configs;
        this.catalog = catalog;
        this.programs = programs;
        this.units = units;
        this.forms = forms;
        this.clock = clock;
    }

    // ---- My Assets ----

    @GetMapping
    String list(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, ListQuery query,
                BindingResult binding, @RequestParam(defaultValue = "0") int page, Model model,
                HttpServletResponse response) {
        Account account = scope.requireVisible(me, accountId);
        // a filter value the selects never send: 400, the message at its filter, that filter left at "any"
        model.addAttribute("errors", binding.hasErrors() ? FormErrors.from(binding, response) : new FormErrors());
        var filter = query.filter();
        var result = entitlements.page(accountId, filter, PageRequest.of(Math.min(Math.max(page, 0), 100_000), PAGE_SIZE));
        FlexProgram program = programs.findByAccount(accountId).orElse(null);
        model.addAttribute("account", account);
        model.addAttribute("program", program);
        model.addAttribute("refusal", RunningProgram.refusal(program, clock.today()).orElse(null));
        model.addAttribute("canChange", me.canChange());
        model.addAttribute("page", result);
        model.addAttribute("productTypeId", filter.productTypeId());
        model.addAttribute("status", filter.status());
        model.addAttribute("configId", filter.configId());
        model.addAttribute("q", filter.serial());
        model.addAttribute("statuses", EntitlementStatus.values());
        model.addAttribute("types", typesById());
        model.addAttribute("presentTypes", entitlements.productTypesOf(accountId));
        model.addAttribute("configs", configs.ofAccount(accountId));
        model.addAttribute("counts", entitlements.countsByStatus(accountId));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("productTypeId", filter.productTypeId());
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("configId", filter.configId());
        params.put("q", filter.serial());
        model.addAttribute("pageBase", PageLinks.base("/accounts/" + accountId + "/flex/entitlements", params));
        model.addAttribute("exportLink", PageLinks.base("/accounts/" + accountId + "/flex/entitlements/export.csv", params));
        return "flex/entitlements/list";
    }

    /** Serial numbers and tokens of the filtered entitlements (tokens masked for read-only users). */
    @GetMapping("/export.csv")
    ResponseEntity<String> export(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, ListQuery query,
                                  BindingResult binding) {
        scope.requireVisible(me, accountId);
        if (binding.hasErrors()) {
            return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                    .body(FormErrors.from(binding).summary() + "\n");
        }
        var rows = entitlements.list(accountId, query.filter());
        StringBuilder csv = new StringBuilder(Csv.line("serial_number", "product_type_id", "product_type", "config_id",
                "configuration", "description", "status", "start_date", "end_date", "token", "token_status"));
        for (EntitlementRow r : rows) {
            Entitlement e = r.entitlement();
            csv.append(Csv.line(e.serialNumber(), e.productTypeId(), r.productTypeName(), e.configId(), r.configName(),
                    e.description(), e.status(), e.startDate(), e.endDate(), Tokens.shown(e.token(), me.canChange()),
                    e.tokenStatus()));
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"fortiflex-entitlements-" + accountId + ".csv\"")
                .body(csv.toString());
    }

    // ---- creating ----

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                   @RequestParam(required = false) Long configId, Model model) {
        Account account = scope.requireWritable(me, accountId);
        fillCreate(model, account, configId, new CreateForm(configId, "1", List.of(), "", "program", ""), new FormErrors());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "flex/entitlements/new";
    }

    record CreateForm(Long configId, String count, List<String> serial, String description, String termination,
                      String endDate) {
    }

    @PostMapping
    String create(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                  @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Account account = scope.requireWritable(me, accountId);
        CreateForm f = new CreateForm(parseLong(form.getFirst("configId")), form.getFirst("count"),
                form.getOrDefault("serial", List.of()), form.getFirst("description"), form.getFirst("termination"),
                form.getFirst("endDate"));
        return forms.submit(accountId, form, "create entitlements", redirect, response, () -> {
            FlexConfig config = f.configId() == null ? null : configs.get(accountId, f.configId());
            boolean hardware = config != null && catalog.get(config.productTypeId()).hardware();
            FieldChecks checks = new FieldChecks();
            Long count = hardware || config == null ? null : checks.value(() -> count(f.count()));
            Termination end = checks.value(() -> termination(f.termination(), f.endDate()));
            checks.done();
            var request = new EntitlementService.NewEntitlements(f.configId(), count, hardware ? f.serial() : null,
                    f.description(), end.date());
            List<Entitlement> created = entitlements.create(accountId, request, FlexActor.of(me));
            return new PageResult("/accounts/" + accountId + "/flex/entitlements?configId=" + f.configId(),
                    "Created " + created.size() + " entitlement" + (created.size() == 1 ? "" : "s") + ": "
                            + created.stream().map(Entitlement::serialNumber).collect(Collectors.joining(", "))
                            + (hardware ? " (active now)." : " (pending until each VM uses its token, shown below)."));
        }, errors -> {
            fillCreate(model, account, f.configId(), f, errors);
            model.addAttribute("idempotencyKey", form.getFirst("idempotencyKey"));
            return "flex/entitlements/new";
        });
    }

    private void fillCreate(Model model, Account account, Long configId, CreateForm form, FormErrors errors) {
        long accountId = account.getId();
        FlexProgram program = programs.findByAccount(accountId).orElse(null);
        List<FlexConfig> active = configs.ofAccount(accountId).stream().filter(FlexConfig::active).toList();
        FlexConfig config = configId == null ? null : active.stream().filter(c -> c.id() == configId).findFirst().orElse(null);
        model.addAttribute("account", account);
        model.addAttribute("program", program);
        model.addAttribute("refusal", RunningProgram.refusal(program, clock.today()).orElse(null));
        model.addAttribute("configs", active);
        model.addAttribute("types", typesById());
        model.addAttribute("config", config);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", clock.today());
        if (config != null) {
            ProductType type = catalog.get(config.productTypeId());
            model.addAttribute("type", type);
            if (type.hardware()) {
                String model0 = type.modelParameter().map(p -> config.parameters().value(p.id())).orElse(null);
                List<Unit> candidates = units.searchAll(accountId, new UnitFilter(type.family(), model0, null, ""),
                        clock.today(), 500);
                Set<Long> taken = entitlements.ofUnits(candidates.stream().map(Unit::id).toList()).keySet();
                model.addAttribute("units", candidates.stream().filter(u -> !taken.contains(u.id())).toList());
                model.addAttribute("unitModel", model0);
            }
        }
    }

    // ---- bulk: confirm, then act ----

    @GetMapping("/confirm")
    String confirm(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                   @RequestParam(defaultValue = "") String action, @RequestParam(required = false) List<String> serial,
                   Model model) {
        Account account = scope.requireWritable(me, accountId);
        fillConfirm(model, account, action, serial, new FormErrors(), "program", "");
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "flex/entitlements/confirm";
    }

    private void fillConfirm(Model model, Account account, String action, List<String> serials, FormErrors errors,
                             String termination, String endDate) {
        Action a = bulkAction(action);
        model.addAttribute("account", account);
        model.addAttribute("action", action);
        model.addAttribute("verb", a == null ? null : a.verb());
        model.addAttribute("errors", errors);
        model.addAttribute("termination", termination);
        model.addAttribute("endDate", endDate);
        model.addAttribute("today", clock.today());
        model.addAttribute("program", programs.findByAccount(account.getId()).orElse(null));
        List<String> problems = new ArrayList<>();
        List<EntitlementRow> rows = new ArrayList<>();
        if (a == null) {
            problems.add("Choose stop, reactivate or remove.");
        } else if (serials == null || serials.isEmpty()) {
            problems.add("Select at least one entitlement first.");
        } else if (serials.size() > EntitlementRules.MAX_PER_REQUEST) {
            problems.add("Select at most " + EntitlementRules.MAX_PER_REQUEST + " entitlements at a time, not " + serials.size() + ".");
        } else {
            for (String s : serials.stream().distinct().toList()) {
                try {
                    EntitlementRow r = entitlements.get(account.getId(), s);
                    rows.add(r);
                    Entitlement e = r.entitlement();
                    EntitlementRules.refusal(a, e.status(), e.hardware(), e.tokenStatus())
                            .ifPresent(m -> problems.add(e.serialNumber() + ": " + m));
                } catch (NotFoundException e) {
                    problems.add(e.getMessage());
                }
            }
            EntitlementRules.mixedProductTypes(rows.stream().map(r -> r.entitlement().productTypeId()).toList())
                    .ifPresent(problems::add);
        }
        model.addAttribute("rows", rows);
        model.addAttribute("problems", problems);
    }

    @PostMapping("/stop")
    String stop(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        return bulk(me, accountId, "stop", form, model, redirect, response, serials -> entitlements.stop(accountId, serials, FlexActor.of(me)));
    }

    @PostMapping("/reactivate")
    String reactivate(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                      @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        return bulk(me, accountId, "reactivate", form, model, redirect, response, serials -> entitlements.reactivate(accountId, serials,
                termination(form.getFirst("termination"), form.getFirst("endDate")), FlexActor.of(me)));
    }

    @PostMapping("/remove")
    String remove(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                  @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        return bulk(me, accountId, "remove", form, model, redirect, response, serials -> entitlements.remove(accountId, serials, FlexActor.of(me)));
    }

    private String bulk(PortalUser me, long accountId, String action, MultiValueMap<String, String> form, Model model,
                        RedirectAttributes redirect, HttpServletResponse response, java.util.function.Function<List<String>, List<Entitlement>> work) {
        Account account = scope.requireWritable(me, accountId);
        List<String> serials = form.getOrDefault("serial", List.of());
        String past = switch (action) {
            case "stop" -> "Stopped";
            case "reactivate" -> "Reactivated";
            default -> "Removed";
        };
        return forms.submit(accountId, form, action + " entitlements", redirect, response, () -> {
            List<Entitlement> done = work.apply(serials);
            return new PageResult("/accounts/" + accountId + "/flex/entitlements?productTypeId=" + done.get(0).productTypeId(),
                    past + " " + done.size() + " entitlement" + (done.size() == 1 ? "" : "s") + ": "
                            + done.stream().map(Entitlement::serialNumber).collect(Collectors.joining(", ")) + ".");
        }, errors -> {
            fillConfirm(model, account, action, serials, errors, form.getFirst("termination"), form.getFirst("endDate"));
            model.addAttribute("idempotencyKey", form.getFirst("idempotencyKey"));
            return "flex/entitlements/confirm";
        });
    }

    // ---- one entitlement ----

    @GetMapping("/{serial}")
    String show(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, @PathVariable String serial,
                Model model) {
        Account account = scope.requireVisible(me, accountId);
        EntitlementRow row = entitlements.get(accountId, serial);
        Entitlement e = row.entitlement();
        fillShow(me, model, account, row, new FormErrors(), e.description() == null ? "" : e.description(), e.configId(),
                e.followsProgram() ? "program" : "date", e.followsProgram() ? "" : e.endDate().toString());
        return "flex/entitlements/show";
    }

    private void fillShow(PortalUser me, Model model, Account account, EntitlementRow row, FormErrors errors,
                          String description, long configId, String termination, String endDate) {
        Entitlement e = row.entitlement();
        model.addAttribute("account", account);
        model.addAttribute("row", row);
        model.addAttribute("e", e);
        model.addAttribute("type", catalog.get(e.productTypeId()));
        model.addAttribute("token", Tokens.shown(e.token(), me.canChange()));
        model.addAttribute("canChange", me.canChange());
        model.addAttribute("events", entitlements.events(row));
        model.addAttribute("errors", errors);
        model.addAttribute("description", description);
        model.addAttribute("formConfigId", configId);
        model.addAttribute("termination", termination);
        model.addAttribute("endDate", endDate);
        model.addAttribute("today", clock.today());
        model.addAttribute("program", programs.findByAccount(account.getId()).orElse(null));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("configNames", configs.ofAccount(account.getId()).stream()
                .collect(Collectors.toMap(FlexConfig::id, FlexConfig::name)));
        model.addAttribute("targets", configs.ofAccount(account.getId()).stream()
                .filter(c -> c.productTypeId() == e.productTypeId() && (c.active() || c.id() == e.configId())).toList());
        Map<String, Boolean> can = new LinkedHashMap<>();
        for (Action a : Action.values()) {
            can.put(a.name(), EntitlementRules.allows(a, e.status(), e.hardware(), e.tokenStatus()));
        }
        model.addAttribute("can", can);
    }

    @PostMapping("/{serial}")
    String update(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, @PathVariable String serial,
                  @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Account account = scope.requireWritable(me, accountId);
        EntitlementRow row = entitlements.get(accountId, serial);
        Entitlement e = row.entitlement();
        String description = form.getFirst("description");
        Long configId = parseLong(form.getFirst("configId"));
        String termination = form.getFirst("termination");
        String endDate = form.getFirst("endDate");
        return forms.submit(accountId, form, "update entitlement " + e.serialNumber(), redirect, response, () -> {
            boolean endEditable = EntitlementRules.allows(Action.EDIT_END_DATE, e.status(), e.hardware(), e.tokenStatus());
            Termination t = endEditable && termination != null ? termination(termination, endDate) : null;
            entitlements.update(accountId, e.serialNumber(), new EntitlementService.Changes(
                    description == null ? null : description, configId, t), FlexActor.of(me));
            return new PageResult("/accounts/" + accountId + "/flex/entitlements/" + e.serialNumber(),
                    "Entitlement " + e.serialNumber() + " saved.");
        }, errors -> {
            fillShow(me, model, account, row, errors, description == null ? "" : description,
                    configId == null ? e.configId() : configId, termination, endDate);
            model.addAttribute("idempotencyKey", form.getFirst("idempotencyKey"));
            return "flex/entitlements/show";
        });
    }

    @GetMapping("/{serial}/token")
    String tokenConfirm(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, @PathVariable String serial,
                        Model model) {
        Account account = scope.requireWritable(me, accountId);
        EntitlementRow row = entitlements.get(accountId, serial);
        model.addAttribute("account", account);
        model.addAttribute("e", row.entitlement());
        model.addAttribute("refusal", EntitlementRules.refusal(Action.REGENERATE_TOKEN, row.entitlement().status(),
                row.entitlement().hardware(), row.entitlement().tokenStatus()).orElse(null));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "flex/entitlements/token";
    }

    @PostMapping("/{serial}/token")
    String regenerate(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, @PathVariable String serial,
                      @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        scope.requireWritable(me, accountId);
        String location = "/accounts/" + accountId + "/flex/entitlements/" + EntitlementService.normalizeSerial(serial);
        return forms.act(accountId, form, "regenerate token " + serial, location, redirect, () -> {
            Entitlement e = entitlements.regenerateToken(accountId, serial, FlexActor.of(me));
            return "New token issued for " + e.serialNumber() + ": inject it into the VM. The previous token no longer works.";
        });
    }

    /** The list's query string (bound by Spring MVC; names as in its links). */
    record ListQuery(Integer productTypeId, EntitlementStatus status, Long configId, String q) {
        /** A serial is at most 32 characters: a longer search can't match and is cut rather than refused. */
        EntitlementFilter filter() {
            String serial = q == null ? "" : q.length() > 32 ? q.substring(0, 32) : q;
            return new EntitlementFilter(productTypeId, status, configId, serial);
        }
    }

    // ---- helpers ----

    /** "program" → follow the program's end; "date" → the date typed (checked by the service). */
    static Termination termination(String mode, String date) {
        if (!"date".equals(mode)) {
            return Termination.FOLLOW_PROGRAM;
        }
        if (date == null || date.isBlank()) {
            throw new InvalidInputException("endDate", "Choose the end date, or let the entitlement end with the program.");
        }
        try {
            return Termination.of(LocalDate.parse(date.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("endDate", "Enter the end date as YYYY-MM-DD.");
        }
    }

    private static long count(String raw) {
        String s = raw == null ? "" : raw.strip();
        if (!s.matches("-?\\d{1,9}")) {
            throw new InvalidInputException("count", "Enter how many entitlements to create: a whole number from 1 to "
                    + EntitlementRules.MAX_PER_REQUEST + ".");
        }
        return Long.parseLong(s);
    }

    private static Action bulkAction(String action) {
        return switch (action) {
            case "stop" -> Action.STOP;
            case "reactivate" -> Action.REACTIVATE;
            case "remove" -> Action.REMOVE;
            default -> null;
        };
    }

    private Map<Integer, ProductType> typesById() {
        Map<Integer, ProductType> out = new LinkedHashMap<>();
        catalog.productTypes().forEach(t -> out.put(t.id(), t));
        return out;
    }

    private static Long parseLong(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
