package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.web.BusinessRuleException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Configurations and entitlements need a running FortiFlex program, prepaid or postpaid (pure): one that exists, has
 * started and has not ended. The message says what to do.
 */
public final class RunningProgram {

    public static final String TITLE = "No running FortiFlex program";

    private RunningProgram() {
    }

    public static Optional<String> refusal(FlexProgram program, LocalDate today) {
        if (program == null) {
            return Optional.of("This account has no FortiFlex program. Ask your Fortinet account manager or partner to "
                    + "register one; configurations and entitlements can be created as soon as it appears here.");
        }
        if (program.hasEnded(today)) {
            return Optional.of("FortiFlex program " + program.serialNumber() + " ended on " + program.endDate()
                    + ". Ask your Fortinet account manager or partner to extend it with a new registration.");
        }
        if (!program.hasStarted(today)) {
            return Optional.of("FortiFlex program " + program.serialNumber() + " starts on " + program.startDate()
                    + "; configurations and entitlements can be created from that day on.");
        }
        return Optional.empty();
    }

    public static FlexProgram require(FlexProgram program, LocalDate today) {
        refusal(program, today).ifPresent(message -> {
            throw new BusinessRuleException(TITLE, message);
        });
        return program;
    }
}
