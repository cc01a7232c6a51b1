package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.accounts.Account;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registering an account's FortiFlex program (admin). An account holds at most one. */
@Service
public class FlexProgramService {

    private static final Pattern SERIAL = Pattern.compile("^ELAVM[RS]\\d{10}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FlexPrograms programs;
    private final AccountService accounts;

    public FlexProgramService(FlexPrograms programs, AccountService accounts) {
        this.programs = programs;
        this.accounts = accounts;
    }

    public Optional<FlexProgram> ofAccount(long accountId) {
        return programs.findByAccount(accountId);
    }

    /** {@code serial} may be blank: a new serial with the type's prefix is issued. */
    @Transactional
    public FlexProgram create(long accountId, FlexProgramType type, String serial, LocalDate start, LocalDate end,
                              Long createdBy) {
        Account account = accounts.get(accountId);
        if (type == null) {
            throw new InvalidInputException("type", "Choose PREPAID (Enterprise) or POSTPAID (MSSP).");
        }
        if (start == null) {
            throw new InvalidInputException("startDate", "Enter the program's start date (YYYY-MM-DD).");
        }
        if (end == null) {
            throw new InvalidInputException("endDate", "Enter the program's end date (YYYY-MM-DD).");
        }
        if (!end.isAfter(start)) {
            throw new InvalidInputException("endDate", "The end date must be after the start date.");
        }
        if (end.isAfter(start.plusYears(10))) {
            throw new InvalidInputException("endDate", "A FortiFlex program runs at most 10 years; extend it later with a new registration.");
        }
        programs.findByAccount(accountId).ifPresent(existing -> {
            throw alreadyHasOne(account, existing);
        });
        String serialNumber = serial == null || serial.isBlank() ? newSerial(type) : validSerial(serial, type);
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
        if (!serial.startsWith(type.serialPrefix())) {
            throw new InvalidInputException("serialNumber", type.label() + " program serials start with "
                    + type.serialPrefix() + ".");
        }
        if (programs.serialExists(serial)) {
            throw new ConflictException("serialNumber", "Serial number " + serial + " belongs to another program.");
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
