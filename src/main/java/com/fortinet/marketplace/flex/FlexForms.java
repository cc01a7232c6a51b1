package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
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

    /** {@code again}: renders the form with these errors (under the refusal's status, set on {@code response}). */
    public String submit(long accountId, MultiValueMap<String, String> form, String action, RedirectAttributes redirect,
                         HttpServletResponse response, Supplier<PageResult> work, Function<FormErrors, String> again) {
        try {
            var outcome = idempotency.run(accountId, form.getFirst("idempotencyKey"), PageResult.fingerprint(action, form),
                    200, PageResult.class, work);
            redirect.addFlashAttribute("success", outcome.replayed() ? REPLAYED : outcome.value().message());
            return "redirect:" + outcome.value().location();
        } catch (InvalidInputException e) {
            return again.apply(FormErrors.refused(e, response));
        } catch (BusinessRuleException | ConflictException | NotFoundException e) {
            response.setStatus(FormErrors.status(e).value());
            return again.apply(FormErrors.of(FormErrors.FORM, message(e)));
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
