package com.fortinet.marketplace.flex.entitlements;

import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.web.InvalidInputException;

import java.time.LocalDate;

/**
 * When an entitlement ends (FortiFlex's termination mode): with the program ({@code date} null), or on a date the user
 * chose, which must be after today and no later than the program's end. Pure.
 */
public record Termination(LocalDate date) {

    public static final Termination FOLLOW_PROGRAM = new Termination(null);

    public static Termination of(LocalDate userDefined) {
        return userDefined == null ? FOLLOW_PROGRAM : new Termination(userDefined);
    }

    public boolean followsProgram() {
        return date == null;
    }

    /** The end date this termination gives, or a 400 naming {@code field}. */
    public LocalDate endDate(FlexProgram program, LocalDate today, String field) {
        if (date == null) {
            return program.endDate();
        }
        if (!date.isAfter(today)) {
            throw new InvalidInputException(field, "The end date must be after today (" + today + "); "
                    + date + " is not. An entitlement runs until the day before its end date.");
        }
        if (date.isAfter(program.endDate())) {
            throw new InvalidInputException(field, "The end date can be at most the program's end, " + program.endDate()
                    + "; " + date + " is later.");
        }
        return date;
    }
}
