package com.fortinet.marketplace.flex.configs;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.flex.FlexActor;
import com.fortinet.marketplace.flex.FlexForms;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.flex.PageResult;
import com.fortinet.marketplace.flex.RunningProgram;
import com.fortinet.marketplace.flex.catalog.Catalog;
import com.fortinet.marketplace.flex.catalog.ConfigParameters;
import com.fortinet.marketplace.flex.catalog.ParameterException;
import com.fortinet.marketplace.flex.catalog.ParameterRules;
import com.fortinet.marketplace.flex.catalog.Pricing;
import com.fortinet.marketplace.flex.catalog.ProductType;
import com.fortinet.marketplace.security.AccountScope;
import com.fortinet.marketplace.security.PortalUser;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.FormErrors;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Configurations pages: the list (points/day, entitlements), the form driven by the catalogue (the parameter inputs
 * follow the product type through htmx, the points/day figure follows the inputs), a configuration's page with its
 * versions, and disable / enable.
 */
@Controller
@RequestMapping("/accounts/{accountId}/flex/configs")
class ConfigPageController {

    private final AccountScope scope;
    private final ConfigService configs;
    private final Configs rows;
    private final Catalog catalog;
    private final Pricing pricing;
    private final FlexPrograms programs;
    private final FlexForms forms;
    private final BusinessClock clock;

    ConfigPageController(AccountScope scope, ConfigService configs, Configs rows, Catalog catalog, Pricing pricing,
                         FlexPrograms programs, FlexForms forms, BusinessClock clock) {
        this.scope = scope;
        this.configs = configs;
        this.rows = rows;
        this.catalog = catalog;
        this.pricing = pricing;
        this.programs = programs;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping
    String list(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, Model model) {
        Account account = scope.requireVisible(me, accountId);
        FlexProgram program = programs.findByAccount(accountId).orElse(null);
        model.addAttribute("account", account);
        model.addAttribute("program", program);
        model.addAttribute("refusal", RunningProgram.refusal(program, clock.today()).orElse(null));
        model.addAttribute("canChange", me.canChange());
        model.addAttribute("configs", configs.ofAccount(accountId));
        model.addAttribute("counts", rows.entitlementCounts(accountId));
        model.addAttribute("types", typesById());
        return "flex/configs/list";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                   @RequestParam(required = false) Integer productTypeId, Model model) {
        Account account = scope.requireWritable(me, accountId);
        fillForm(model, account, null, productTypeId, "", null, new FormErrors());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "flex/configs/form";
    }

    /** htmx: the parameter inputs (and their points/day) of the product type chosen. */
    @HxRequest
    @GetMapping("/fields")
    String fields(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                  @RequestParam(required = false) Integer productTypeId, @RequestParam(required = false) Long configId,
                  @RequestParam MultiValueMap<String, String> form, Model model) {
        Account account = scope.requireVisible(me, accountId);
        FlexConfig config = configId == null ? null : configs.get(accountId, configId);
        fillForm(model, account, config, config == null ? productTypeId : Integer.valueOf(config.productTypeId()), "",
                config == null ? null : typed(form), new FormErrors());
        return "flex/configs/form :: params";
    }

    /** htmx: points per day of what the form holds now, or what is wrong with it. */
    @HxRequest
    @GetMapping("/price")
    String price(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                 @RequestParam(required = false) Integer productTypeId, @RequestParam(required = false) Long configId,
                 @RequestParam MultiValueMap<String, String> form, Model model) {
        scope.requireVisible(me, accountId);
        FlexConfig config = configId == null ? null : configs.get(accountId, configId);
        ProductType type = config != null ? catalog.get(config.productTypeId())
                : productTypeId == null ? null : catalog.find(productTypeId).orElse(null);
        fillPrice(model, type, typed(form));
        return "flex/configs/form :: price";
    }

    @PostMapping
    String create(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId,
                  @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Account account = scope.requireWritable(me, accountId);
        Integer type = parseInt(form.getFirst("productTypeId"));
        String name = form.getFirst("name");
        return forms.submit(accountId, form, "create config", redirect, response, () -> {
            FlexConfig c = configs.create(accountId, name, type, typed(form), FlexActor.of(me));
            return new PageResult("/accounts/" + accountId + "/flex/configs/" + c.id(), "Configuration '" + c.name()
                    + "' created: " + c.pointsPerDay().toPlainString() + " points per day for each entitlement.");
        }, errors -> {
            fillForm(model, account, null, type, name, typed(form), errors);
            model.addAttribute("idempotencyKey", form.getFirst("idempotencyKey"));
            return "flex/configs/form";
        });
    }

    @GetMapping("/{configId}")
    String show(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, @PathVariable long configId,
                Model model) {
        Account account = scope.requireVisible(me, accountId);
        FlexConfig config = configs.get(accountId, configId);
        fillForm(model, account, config, config.productTypeId(), config.name(), null, new FormErrors());
        return showPage(me, accountId, config, model);
    }

    private String showPage(PortalUser me, long accountId, FlexConfig config, Model model) {
        model.addAttribute("config", config);
        model.addAttribute("versions", configs.versions(accountId, config.id()));
        model.addAttribute("counts", rows.entitlementCounts(accountId).getOrDefault(config.id(), new long[]{0, 0}));
        model.addAttribute("canChange", me.canChange());
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("types", typesById());
        return "flex/configs/show";
    }

    @PostMapping("/{configId}")
    String update(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, @PathVariable long configId,
                  @RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Account account = scope.requireWritable(me, accountId);
        FlexConfig config = configs.get(accountId, configId);
        String name = form.getFirst("name");
        return forms.submit(accountId, form, "update config " + configId, redirect, response, () -> {
            FlexConfig c = configs.update(accountId, configId, name, typed(form), FlexActor.of(me));
            return new PageResult("/accounts/" + accountId + "/flex/configs/" + c.id(), c.version() == config.version()
                    ? "Nothing changed." : "Configuration '" + c.name() + "' saved: " + c.pointsPerDay().toPlainString()
                    + " points per day from now on, for all its entitlements.");
        }, errors -> {
            fillForm(model, account, config, config.productTypeId(), name, typed(form), errors);
            String page = showPage(me, accountId, config, model);
            model.addAttribute("idempotencyKey", form.getFirst("idempotencyKey"));
            return page;
        });
    }

    @PostMapping("/{configId}/disable")
    String disable(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, @PathVariable long configId,
                   @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        scope.requireWritable(me, accountId);
        return forms.act(accountId, form, "disable config " + configId, "/accounts/" + accountId + "/flex/configs/" + configId, redirect, () -> {
            FlexConfig c = configs.disable(accountId, configId, FlexActor.of(me));
            return "Configuration '" + c.name() + "' disabled: its active and pending entitlements are stopped, and it "
                    + "accepts no new ones.";
        });
    }

    @PostMapping("/{configId}/enable")
    String enable(@AuthenticationPrincipal PortalUser me, @PathVariable long accountId, @PathVariable long configId,
                  @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        scope.requireWritable(me, accountId);
        return forms.act(accountId, form, "enable config " + configId, "/accounts/" + accountId + "/flex/configs/" + configId, redirect, () -> {
            FlexConfig c = configs.enable(accountId, configId, FlexActor.of(me));
            return "Configuration '" + c.name() + "' enabled. Its stopped entitlements stay stopped until you reactivate them.";
        });
    }

    private void fillForm(Model model, Account account, FlexConfig config, Integer productTypeId, String name,
                          Map<Integer, List<String>> typed, FormErrors errors) {
        ProductType type = productTypeId == null ? null : catalog.find(productTypeId).orElse(null);
        FlexProgram program = programs.findByAccount(account.getId()).orElse(null);
        model.addAttribute("account", account);
        model.addAttribute("program", program);
        model.addAttribute("refusal", RunningProgram.refusal(program, clock.today()).orElse(null));
        model.addAttribute("productTypes", catalog.productTypes());
        model.addAttribute("type", type);
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("errors", errors);
        model.addAttribute("editing", config);
        if (type != null) {
            model.addAttribute("fields", ParameterField.of(type, typed, config == null ? null : config.parameters()));
            fillPrice(model, type, typed != null ? typed : config != null ? config.parameters().asMap() : Map.of());
        }
    }

    private void fillPrice(Model model, ProductType type, Map<Integer, List<String>> typed) {
        model.addAttribute("priceType", type);
        if (type == null) {
            return;
        }
        try {
            ConfigParameters params = ParameterRules.validate(type, typed);
            model.addAttribute("price", pricing.price(type, params));
        } catch (ParameterException e) {
            model.addAttribute("priceProblems", e.problems().stream().map(ParameterException.Problem::message).toList());
        } catch (BusinessRuleException e) {
            model.addAttribute("priceProblems", List.of(e.getMessage()));
        }
    }

    /** Form inputs p<id> → parameter id → values. */
    static Map<Integer, List<String>> typed(MultiValueMap<String, String> form) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.matches("p\\d{1,6}")) {
                out.put(Integer.parseInt(k.substring(1)), v);
            }
        });
        return out;
    }

    private Map<Integer, ProductType> typesById() {
        Map<Integer, ProductType> out = new LinkedHashMap<>();
        catalog.productTypes().forEach(t -> out.put(t.id(), t));
        return out;
    }

    private static Integer parseInt(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
