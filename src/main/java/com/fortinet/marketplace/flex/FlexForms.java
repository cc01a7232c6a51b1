package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How FortiFlex pages send a change: once per form (its hidden idempotency key), then redirect with what happened; on
 * bad input or a refusal, the form again with each message next to its field (or above the form).
 */
@Component
public class FlexForms {

    public static final String REPLAYED = "This was already done (the form was sent twice); nothing was changed again.";

    private final FlexIdempotency idempotency;

    public FlexForms(FlexIdempotency idempotency) {
        this.idempotency = idempotency;
    }

    /** {@code again}: renders the form with these errors. */
    public String submit(long accountId, MultiValueMap<String, String> form, String action, RedirectAttributes redirect,
                         Supplier<PageResult> work, Function<FormErrors, String> again) {
        try {
            var outcome = idempotency.run(accountId, form.getFirst("idempotencyKey"), PageResult.fingerprint(action, form),
                    200, PageResult.class, work);
            redirect.addFlashAttribute("success", outcome.replayed() ? REPLAYED : outcome.value().message());
            return "redirect:" + outcome.value().location();
        } catch (InvalidInputException e) {
            FormErrors errors = new FormErrors();
            if (e instanceof FormFieldErrors fields) {
                fields.formErrors().forEach(errors::add);
            } else {
                errors.add(e.field(), e.getMessage());
            }
            return again.apply(errors);
        } catch (BusinessRuleException | ConflictException | NotFoundException e) {
            return again.apply(FormErrors.of("form", message(e)));
        }
    }

    /** A change sent by a button alone (nothing to fill in again): back to {@code location} with its outcome. */
    public String act(long accountId, MultiValueMap<String, String> form, String action, String location,
                      RedirectAttributes redirect, Supplier<String> work) {
        try {
            var outcome = idempotency.run(accountId, form.getFirst("idempotencyKey"), PageResult.fingerprint(action, form),
                    200, PageResult.class, () -> new PageResult(location, work.get()));
            redirect.addFlashAttribute("success", outcome.replayed() ? REPLAYED : outcome.value().message());
        } catch (BusinessRuleException | ConflictException | InvalidInputException | NotFoundException e) {
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:" + location;
    }

    private static String message(RuntimeException e) {
        return e instanceof BusinessRuleException b && FlexIdempotency.REUSED_TITLE.equals(b.title())
                ? FlexIdempotency.PAGE_REUSED : e.getMessage();
    }
}
