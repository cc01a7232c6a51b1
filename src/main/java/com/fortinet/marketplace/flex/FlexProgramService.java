package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.idempotency.Idempotency;
import com.fortinet.marketplace.idempotency.IdempotentRequest;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Registering an account's FortiFlex program (admin; an account holds at most one), extending it by another term, and
 * correcting its dates or ending it early.
 */
@Service
public class FlexProgramService {

    private static final Pattern SERIAL = Pattern.compile("^ELAVM[RS]\\d{10}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FlexPrograms programs;
    private final AccountService accounts;
    private final ProgramChanges changes;
    private final BusinessClock clock;
    private final ApplicationEventPublisher events;
    private final Idempotency idempotency;

    public FlexProgramService(FlexPrograms programs, AccountService accounts, ProgramChanges changes, BusinessClock clock,
                              ApplicationEventPublisher events, Idempotency idempotency) {
        this.programs = programs;
        this.accounts = accounts;
        this.changes = changes;
        this.clock = clock;
        this.events = events;
        this.idempotency = idempotency;
    }

    public record Extended(FlexProgram program, LocalDate previousEnd, boolean replayed) {
        Extended asReplay() {
            return new Extended(program, previousEnd, true);
        }
    }

    /**
     * Another term of {@code months} registered on the account extends its program (DESIGN §4.1). The same
     * idempotency key again answers the first extension instead of extending twice; with another term it is refused
     * ({@link Idempotency}).
     */
    public Extended extend(long accountId, Integer months, String idempotencyKey, long userId) {
        Account account = accounts.get(accountId);
        String key = Idempotency.validKey(idempotencyKey);
        var outcome = idempotency.run(IdempotentRequest.of(accountId, key, "flex-program-extension", months),
                Extended.class, () -> {
                    FlexProgram program = programs.findByAccountForUpdate(accountId).orElseThrow(() -> new NotFoundException(
                            account.getName() + " has no FortiFlex program to extend: register one first."));
                    LocalDate end = ProgramDates.extendedEnd(program, months, clock.today());
                    return new Extended(change(program, program.startDate(), end, ProgramChange.Kind.EXTENDED, months, key,
                            userId), program.endDate(), false);
                });
        return outcome.replayed() ? outcome.result().asReplay() : outcome.result();
    }

    /** An admin corrects the program's dates ({@link ProgramDates#requireValid}). */
    @Transactional
    public FlexProgram editDates(long programId, LocalDate start, LocalDate end, long userId) {
        FlexProgram program = lockedProgram(programId);
        if (program.startDate().equals(start) && program.endDate().equals(end)) {
            throw new InvalidInputException("endDate", "These are the program's dates already; nothing to change.");
        }
        ProgramDates.requireValid(program, start, end, clock.today(), changes.history(programId));
        return change(program, start, end, ProgramChange.Kind.EDITED, null, null, userId);
    }

    /** An admin ends the program before its end date: on {@code end} (today at the earliest). */
    @Transactional
    public FlexProgram endEarly(long programId, LocalDate end, long userId) {
        FlexProgram program = lockedProgram(programId);
        if (end == null) {
            throw new InvalidInputException("endDate", "Enter the day the program ends (YYYY-MM-DD), today at the earliest.");
        }
        if (!end.isBefore(program.endDate())) {
            throw new InvalidInputException("endDate", "Program " + program.serialNumber() + " already ends on "
                    + program.endDate() + "; ending early needs an earlier date. To run it longer, extend it.");
        }
        ProgramDates.requireValid(program, program.startDate(), end, clock.today(), changes.history(programId));
        return change(program, program.startDate(), end, ProgramChange.Kind.ENDED, null, null, userId);
    }

    private FlexProgram lockedProgram(long programId) {
        return programs.findByIdForUpdate(programId).orElseThrow(() -> new NotFoundException(
                "FortiFlex program " + programId + " was not found."));
    }

    /** Under the program row lock: new dates, the change recorded, listeners (entitlements) told in this transaction. */
    private FlexProgram change(FlexProgram program, LocalDate start, LocalDate end, ProgramChange.Kind kind, Integer months,
                               String key, long userId) {
        programs.updateDates(program.id(), start, end);
        var event = new FlexProgramDatesChanged(program.id(), program.accountId(), program.serialNumber(), kind,
                program.startDate(), program.endDate(), start, end, userId);
        changes.insert(event, months, key);
        events.publishEvent(event);
        return programs.findById(program.id()).orElseThrow();
    }

    public Optional<FlexProgram> ofAccount(long accountId) {
        return programs.findByAccount(accountId);
    }

    /** {@code serial} may be blank: a new serial with the type's prefix is issued. */
    @Transactional
    public FlexProgram create(long accountId, FlexProgramType type, String serial, LocalDate start, LocalDate end,
                              Long createdBy) {
        Account account = accounts.get(accountId);
        FieldChecks checks = new FieldChecks();
        if (type == null) {
            checks.fail("type", "Choose PREPAID (Enterprise) or POSTPAID (MSSP).");
        }
        if (start == null) {
            checks.fail("startDate", "Enter the program's start date (YYYY-MM-DD).");
        }
        if (end == null) {
            checks.fail("endDate", "Enter the program's end date (YYYY-MM-DD).");
        } else if (start != null && !end.isAfter(start)) {
            checks.fail("endDate", "The end date must be after the start date.");
        } else if (start != null && end.isAfter(start.plusYears(10))) {
            checks.fail("endDate", "A FortiFlex program runs at most 10 years; extend it later with a new registration.");
        }
        String typedSerial = serial == null || serial.isBlank() ? null : checks.value(() -> validSerial(serial, type));
        checks.done();
        programs.findByAccount(accountId).ifPresent(existing -> {
            throw alreadyHasOne(account, existing);
        });
        if (typedSerial != null && programs.serialExists(typedSerial)) {
            throw new ConflictException("serialNumber", "Serial number " + typedSerial + " belongs to another program.");
        }
        String serialNumber = typedSerial == null ? newSerial(type) : typedSerial;
        try {
            long id = programs.insert(accountId, type, serialNumber, start, end, createdBy);
            return programs.findByAccount(accountId).filter(p -> p.id() == id).orElseThrow();
        } catch (DuplicateKeyException e) {
            // Two admins at once: the unique keys decide; say which.
            Optional<FlexProgram> existing = programs.findByAccount(accountId);
            if (existing.isPresent()) {
                throw alreadyHasOne(account, existing.get());
            }
            throw new ConflictException("serialNumber", "Serial number " + serialNumber + " belongs to another program.");
        }
    }

    private static ConflictException alreadyHasOne(Account account, FlexProgram existing) {
        return new ConflictException("accountId", account.getName() + " already holds FortiFlex program "
                + existing.serialNumber() + " (" + existing.type().label() + ", " + existing.startDate() + " to "
                + existing.endDate() + "). An account holds at most one FortiFlex program; extend that one instead.");
    }

    private String validSerial(String raw, FlexProgramType type) {
        String serial = raw.strip().toUpperCase(Locale.ROOT);
        if (!SERIAL.matcher(serial).matches()) {
            throw new InvalidInputException("serialNumber", "A FortiFlex program serial is ELAVMR (prepaid) or ELAVMS "
                    + "(postpaid) followed by 10 digits, e.g. ELAVMR0000000101; or leave it empty to issue one.");
        }
        if (type != null && !serial.startsWith(type.serialPrefix())) {
            throw new InvalidInputException("serialNumber", type.label() + " program serials start with "
                    + type.serialPrefix() + ".");
        }
        return serial;
    }

    private String newSerial(FlexProgramType type) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String serial = type.serialPrefix() + String.format("%010d", RANDOM.nextLong(10_000_000_000L));
            if (!programs.serialExists(serial)) {
                return serial;
            }
        }
        throw new IllegalStateException("Could not issue a free FortiFlex serial number");
    }
}
