package com.fortinet.marketplace.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input that is wrong in itself (400). Names every input that is wrong (not only the first), so a form shows each
 * message next to its field and the API lists them all in the problem's {@code errors}.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInputException extends RuntimeException {

    /**
     * {@code field}: the input as the API names it, null for the request as a whole; {@code formField}: as the page's
     * form names it, where that differs (FortiFlex parameters are {@code parameters[7]} in JSON, {@code p7} on pages).
     */
    public record FieldError(String field, String message, String formField) {
        public FieldError(String field, String message) {
            this(field, message, field);
        }
    }

    private final List<FieldError> errors;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    /** Several inputs at once; the message is theirs one after the other. */
    public InvalidInputException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::message).collect(Collectors.joining(" ")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException names at least one error");
        }
        this.errors = List.copyOf(errors);
    }

    /** The first input named (what callers that show one message point at). */
    public String field() {
        return errors.get(0).field();
    }

    /** Every input that is wrong. */
    public List<FieldError> errors() {
        return errors;
    }
}
