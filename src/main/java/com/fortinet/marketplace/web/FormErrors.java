package com.fortinet.marketplace.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The messages of a form shown again, by input name ({@code "form"}: above the form), so each shows next to its
 * field — every field that is wrong, not only the first.
 * <p>
 * A refused POST is answered with {@link #refused}: the form again with the refusal's messages, under the status the
 * API answers for the same exception (400 invalid input, 403, 404 when what the form acts on is gone, 409 conflict,
 * 422 business rule, 429 too many attempts), never a 200 that scripts and monitoring would read as success.
 */
public class FormErrors {

    public static final String FORM = "form";

    /** Named by a refusal but never shown as a field (a header, a hidden input): their messages go above the form. */
    private static final Set<String> NOT_SHOWN = Set.of("Idempotency-Key", "idempotencyKey");

    private final Map<String, List<String>> byField = new LinkedHashMap<>();

    public static FormErrors of(String field, String message) {
        return new FormErrors().add(field, message);
    }

    /**
     * The errors of a refused form post, with {@code response} set to the refusal's status. Field-less messages
     * (business rules, conflicts without a field) go above the form.
     */
    public static FormErrors refused(RuntimeException e, HttpServletResponse response) {
        return refused(e, FORM, response);
    }

    /** The same, with field-less messages shown at {@code fieldless} (a one-field form keeps them at its field). */
    public static FormErrors refused(RuntimeException e, String fieldless, HttpServletResponse response) {
        response.setStatus(status(e).value());
        FormErrors errors = new FormErrors();
        if (e instanceof InvalidInputException invalid) {
            invalid.errors().forEach(f -> errors.add(f.formField() == null ? fieldless
                    : NOT_SHOWN.contains(f.formField()) ? FORM : f.formField(), f.message()));
        } else if (e instanceof ConflictException c && c.field() != null) {
            errors.add(c.field(), c.getMessage());
        } else {
            errors.add(fieldless, e.getMessage());
        }
        return errors;
    }

    /**
     * The status Spring answers for {@code e} anywhere (its {@link ResponseStatus}, which the API's problem details
     * use too); 400 for exceptions without one, which pages catch only as bad input (unparsable numbers, dates).
     */
    public static HttpStatus status(RuntimeException e) {
        ResponseStatus s = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        return s == null ? HttpStatus.BAD_REQUEST : s.code();
    }

    /** Adds a message; a field may have several (each shown), the same message once. */
    public FormErrors add(String field, String message) {
        List<String> messages = byField.computeIfAbsent(field == null ? FORM : field, k -> new ArrayList<>());
        if (!messages.contains(message)) {
            messages.add(message);
        }
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    /** The field's messages as one text, or null. */
    public String get(String field) {
        List<String> messages = byField.get(field);
        return messages == null ? null : String.join(" ", messages);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    /** Field → its messages as one text, in the order they were added. */
    public Map<String, String> all() {
        Map<String, String> out = new LinkedHashMap<>();
        byField.keySet().forEach(f -> out.put(f, get(f)));
        return out;
    }
}
