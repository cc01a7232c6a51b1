package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.web.BusinessRuleException;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The two ways points reach a prepaid FortiFlex program (DESIGN §4.1): a transfer from FortiPoints and a FortiFlex
 * points pack. Both need the account's prepaid program, running today; each says why not in its own words, so the
 * pages can explain before anyone types a number or a code, and the services refuse with the same text.
 */
public enum PrepaidCredit {

    TRANSFER("there is nowhere to transfer points to",
            "FortiPoints can only be transferred to a FortiFlex prepaid (Enterprise) program; postpaid MSSP programs are billed monthly.",
            "transfer", "Transfer points"),
    PACK("there is no program to register a FortiFlex points pack onto",
            "FortiFlex points packs can only be registered onto a FortiFlex prepaid (Enterprise) program; postpaid MSSP "
                    + "programs are billed monthly for their usage. Keep the registration code for a prepaid program's "
                    + "account, or ask Fortinet Customer Service what to do with it.",
            "register the pack", "Register the pack");

    private final String nowhere;
    private final String postpaid;
    private final String afterwards;
    private final String fromThatDay;

    PrepaidCredit(String nowhere, String postpaid, String afterwards, String fromThatDay) {
        this.nowhere = nowhere;
        this.postpaid = postpaid;
        this.afterwards = afterwards;
        this.fromThatDay = fromThatDay;
    }

    public record Refusal(String title, String message) {
        public BusinessRuleException exception() {
            return new BusinessRuleException(title, message);
        }
    }

    /** DESIGN §4 word for word for transfers. */
    public String postpaidMessage() {
        return postpaid;
    }

    /** Why this can't go to the account's program today, or empty when it can. */
    public Optional<Refusal> refusal(FlexProgram program, LocalDate today) {
        if (program == null) {
            return Optional.of(new Refusal("No FortiFlex program",
                    "This account has no FortiFlex program, so " + nowhere + ". Ask your Fortinet account manager or partner to register a FortiFlex prepaid (Enterprise) "
                            + "program for this account; you can " + afterwards + " as soon as it appears here."));
        }
        if (program.type() == FlexProgramType.POSTPAID) {
            return Optional.of(new Refusal("Postpaid FortiFlex program", postpaid));
        }
        if (program.hasEnded(today)) {
            return Optional.of(new Refusal("FortiFlex program ended",
                    "FortiFlex program " + program.serialNumber() + " ended on " + program.endDate() + ". Ask your "
                            + "Fortinet account manager or partner to extend it with a new registration, then " + afterwards + "."));
        }
        if (!program.hasStarted(today)) {
            return Optional.of(new Refusal("FortiFlex program not started",
                    "FortiFlex program " + program.serialNumber() + " starts on " + program.startDate()
                            + ". " + fromThatDay + " from that day on."));
        }
        return Optional.empty();
    }

    public void require(FlexProgram program, LocalDate today) {
        Optional<Refusal> refusal = refusal(program, today);
        if (refusal.isPresent()) {
            throw refusal.get().exception();
        }
    }
}
