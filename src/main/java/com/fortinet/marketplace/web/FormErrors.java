package com.fortinet.marketplace.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;
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
 * <p>
 * A form whose values Spring could not convert (letters for a number, {@code 2026-13-45} for a date) is answered with
 * {@link #from}: the handler takes a {@link BindingResult} right after the form and, when it has errors, shows the same
 * form again under 400 without acting on it. The typed text of such a field is kept ({@link #typed}).
 */
public class FormErrors {

    public static final String FORM = "form";

    /** Named by a refusal but never shown as a field (a header, a hidden input): their messages go above the form. */
    private static final Set<String> NOT_SHOWN = Set.of("Idempotency-Key", "idempotencyKey");

    private final Map<String, List<String>> byField = new LinkedHashMap<>();
    private final Map<String, String> typed = new LinkedHashMap<>();

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
     * The values of a bound form (or filter) that did not convert, each at its field with a message a person can act
     * on rather than Spring's conversion text; {@code response} is set to 400.
     */
    public static FormErrors from(BindingResult binding, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return from(binding);
    }

    /** The same without a status, for a page that answers one of its own. */
    public static FormErrors from(BindingResult binding) {
        FormErrors errors = new FormErrors();
        for (FieldError f : binding.getFieldErrors()) {
            errors.add(f.getField(), message(f));
            Object rejected = f.getRejectedValue();
            if (rejected instanceof String[] values) {
                rejected = values.length == 0 ? null : values[0];
            }
            if (rejected != null) {
                errors.typed.put(f.getField(), rejected.toString());
            }
        }
        binding.getGlobalErrors().forEach(g -> errors.add(FORM, "The form could not be read; check the values and try again."));
        return errors;
    }

    /** What to enter, by the type the value did not convert to. */
    static String message(FieldError f) {
        Class<?> type = f.contains(TypeMismatchException.class)
                ? f.unwrap(TypeMismatchException.class).getRequiredType() : null;
        if (type == null) {
            return "This value is not valid.";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "Enter a whole number.";
        }
        if (Number.class.isAssignableFrom(type) || type == BigDecimal.class || type == double.class) {
            return "Enter a number.";
        }
        if (type == LocalDate.class) {
            return "Enter a date as YYYY-MM-DD.";
        }
        if (type == YearMonth.class) {
            return "Enter a month as YYYY-MM.";
        }
        if (type.isEnum()) {
            return "Choose one of the options.";
        }
        return "This value is not valid.";
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

    /** Every message with its field's name, as one text (for a page that shows one message above it). */
    public String summary() {
        return String.join(" ", byField.entrySet().stream()
                .map(e -> (e.getKey().equals(FORM) ? "" : e.getKey() + ": ") + String.join(" ", e.getValue())).toList());
    }

    /** The text typed in {@code field} that did not convert (shown again in the input), else {@code current}. */
    public Object typed(String field, Object current) {
        return typed.containsKey(field) ? typed.get(field) : current;
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
