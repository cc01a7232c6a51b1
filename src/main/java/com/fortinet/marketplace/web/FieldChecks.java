package com.fortinet.marketplace.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a form's checks one after the other and refuses once with all that failed, so a person fixes every field in
 * one go instead of meeting the next message after each attempt.
 * <pre>
 * FieldChecks checks = new FieldChecks();
 * String name = checks.value(() -> validName(raw));   // null when it failed
 * checks.run(() -> requireRegion(region));
 * checks.done();                                      // throws InvalidInputException naming each failure
 * </pre>
 */
public final class FieldChecks {

    private final List<InvalidInputException.FieldError> errors = new ArrayList<>();

    /** The check's value, or null once its refusal is noted. */
    public <T> T value(Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    public void run(Runnable check) {
        value(() -> {
            check.run();
            return null;
        });
    }

    public FieldChecks fail(String field, String message) {
        errors.add(new InvalidInputException.FieldError(field, message));
        return this;
    }

    /** Throws one {@link InvalidInputException} naming every failure, if there was any. */
    public void done() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
