package com.fortinet.marketplace.installedbase;

import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.TextRules;
import com.fortinet.marketplace.accounts.AccountService;
import com.fortinet.marketplace.forticare.ItemRules;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.Csv;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Registers units and their contracts: one at a time (admin form, API) or hundreds at once (CSV). */
@Service
public class InstalledBaseService {

    public static final List<String> FAMILIES = List.of("FortiGate", "FortiSwitch", "FortiAP", "FortiManager",
            "FortiAnalyzer", "FortiMail", "FortiWeb", "FortiSandbox", "FortiAuthenticator", "FortiProxy");
    public static final String CSV_HEADER =
            "serial_number,family,model,location,end_of_support,service,start_date,end_date,contract_number";

    private static final Pattern SERIAL = Pattern.compile("^[A-Z0-9][A-Z0-9-]{5,31}$");
    private static final Pattern MODEL = Pattern.compile("^[A-Z0-9][A-Z0-9-]{1,31}$");
    private static final Pattern SERVICE = Pattern.compile("^[A-Z0-9]{2,16}$");

    private final InstalledBase base;
    private final AccountService accounts;

    public InstalledBaseService(InstalledBase base, AccountService accounts) {
        this.base = base;
        this.accounts = accounts;
    }

    @Transactional
    public long addUnit(long accountId, NewUnit unit) {
        accounts.get(accountId);
        NewUnit n = normalize(unit, "");
        if (base.serialExists(n.serialNumber())) {
            throw new ConflictException("serialNumber", "Serial number " + n.serialNumber() + " is already registered.");
        }
        return write(accountId, n);
    }

    /** Corrects a unit's family, model, location or End-of-Support date, with the rules of registering one. */
    @Transactional
    public InstalledBase.AdminRow updateUnit(long unitId, String family, String model, String location, LocalDate endOfSupport) {
        InstalledBase.AdminRow unit = base.adminRow(unitId)
                .orElseThrow(() -> new NotFoundException("Unit " + unitId + " was not found."));
        NewUnit n = normalize(new NewUnit(unit.serialNumber(), model, family, location, endOfSupport, List.of()), "");
        base.updateUnit(unitId, n.family(), n.model(), n.location(), n.endOfSupport());
        return base.adminRow(unitId).orElseThrow();
    }

    private long write(long accountId, NewUnit n) {
        long id = base.insertUnit(accountId, n.serialNumber(), n.family(), n.model(), n.location(), n.endOfSupport());
        for (NewUnit.NewService s : n.services()) {
            base.insertContract(InstalledBase.NewContract.of(id, s.service(), s.startDate(), s.endDate())
                    .numbered(s.contractNumber()));
        }
        return id;
    }

    /** Validates and normalizes; {@code prefix} prefixes field names ("" for the API). */
    NewUnit normalize(NewUnit u, String prefix) {
        FieldChecks checks = new FieldChecks();
        String serial = upper(u.serialNumber());
        if (serial == null || !SERIAL.matcher(serial).matches()) {
            checks.fail("serialNumber", "Enter the serial number: 6 to 32 letters, digits or dashes, e.g. FGT60FTK20012345.");
        }
        String model = upper(u.model());
        if (model == null || !MODEL.matcher(model).matches()) {
            checks.fail("model", "Enter the model, e.g. FGT60F.");
        }
        String family = checks.value(() -> family(u.family()));
        String typedLocation = checks.value(() -> TextRules.line("location", "Locations", u.location()));
        String location = typedLocation == null || typedLocation.isEmpty() ? null : typedLocation;
        if (location != null && location.length() > 200) {
            checks.fail("location", "Locations are at most 200 characters.");
        }
        List<NewUnit.NewService> services = checks.value(() -> services(u.services()));
        checks.done();
        return new NewUnit(serial, model, family, location, u.endOfSupport(), services);
    }

    private List<NewUnit.NewService> services(List<NewUnit.NewService> typed) {
        List<NewUnit.NewService> services = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        for (NewUnit.NewService s : typed == null ? List.<NewUnit.NewService>of() : typed) {
            String code = upper(s.service());
            if (code == null || !SERVICE.matcher(code).matches()) {
                throw new InvalidInputException("services", "Enter the service code, e.g. FC247, UTP, ENT, ATP or PRMA.");
            }
            if (ItemRules.isHardware(code)) {
                throw new InvalidInputException("services", code + " is hardware, not a service contract.");
            }
            if (s.startDate() == null || s.endDate() == null) {
                throw new InvalidInputException("services", "Each " + code + " contract needs a start and an end date.");
            }
            if (!s.endDate().isAfter(s.startDate())) {
                throw new InvalidInputException("services", "The " + code + " contract must end after it starts ("
                        + s.startDate() + " → " + s.endDate() + ").");
            }
            String number = s.contractNumber() == null || s.contractNumber().isBlank() ? null : s.contractNumber().trim();
            if (number != null) {
                if (number.length() > 32) {
                    throw new InvalidInputException("services", "Contract numbers are at most 32 characters.");
                }
                if (!numbers.add(number) || base.contractNumberExists(number)) {
                    throw new ConflictException("services", "Contract number " + number + " is already registered.");
                }
            }
            services.add(new NewUnit.NewService(code, s.startDate(), s.endDate(), number));
        }
        return services;
    }

    private static String family(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("family", "Choose the product family (" + String.join(", ", FAMILIES) + ").");
        }
        String t = raw.trim();
        return FAMILIES.stream().filter(f -> f.equalsIgnoreCase(t)).findFirst()
                .orElseThrow(() -> new InvalidInputException("family", "Unknown product family '" + t + "': use one of "
                        + String.join(", ", FAMILIES) + "."));
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * CSV with the header {@link #CSV_HEADER}; one row per contract (a unit without contracts: leave service blank).
     * Rows of the same serial must agree on family, model, location and End-of-Support. All rows are checked before
     * anything is written; one bad line and nothing is imported.
     */
    @Transactional
    public ImportResult importCsv(long accountId, String text) {
        accounts.get(accountId);
        List<Csv.Row> rows = Csv.parse(text);
        List<String> errors = new ArrayList<>();
        if (rows.isEmpty()) {
            return new ImportResult(0, 0, 0, List.of("The file is empty. The first line must be: " + CSV_HEADER));
        }
        Map<String, Integer> col = header(rows.get(0), errors);
        if (!errors.isEmpty()) {
            return new ImportResult(rows.size() - 1, 0, 0, errors);
        }
        Map<String, NewUnit> units = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Set<String> contractNumbers = new HashSet<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            try {
                String serial = upper(value(row, col, "serial_number"));
                NewUnit.NewService service = null;
                String code = value(row, col, "service");
                if (code != null) {
                    service = new NewUnit.NewService(code, date(row, col, "start_date"), date(row, col, "end_date"),
                            value(row, col, "contract_number"));
                }
                NewUnit single = normalize(new NewUnit(serial, value(row, col, "model"), value(row, col, "family"),
                        value(row, col, "location"), date(row, col, "end_of_support"),
                        service == null ? List.of() : List.of(service)), "");
                if (service != null && single.services().get(0).contractNumber() != null
                        && !contractNumbers.add(single.services().get(0).contractNumber())) {
                    throw new InvalidInputException("contract_number", "contract number "
                            + single.services().get(0).contractNumber() + " appears twice in the file.");
                }
                NewUnit seen = units.get(single.serialNumber());
                if (seen == null) {
                    if (base.serialExists(single.serialNumber())) {
                        throw new InvalidInputException("serial_number", "serial number " + single.serialNumber()
                                + " is already registered.");
                    }
                    units.put(single.serialNumber(), single);
                    firstLine.put(single.serialNumber(), row.line());
                } else {
                    if (!seen.family().equals(single.family()) || !seen.model().equals(single.model())
                            || !Objects.equals(seen.location(), single.location())
                            || !Objects.equals(seen.endOfSupport(), single.endOfSupport())) {
                        throw new InvalidInputException("serial_number", "serial number " + single.serialNumber()
                                + " has different family, model, location or End-of-Support than on line "
                                + firstLine.get(single.serialNumber()) + ".");
                    }
                    List<NewUnit.NewService> all = new ArrayList<>(seen.services());
                    all.addAll(single.services());
                    units.put(single.serialNumber(), new NewUnit(seen.serialNumber(), seen.model(), seen.family(),
                            seen.location(), seen.endOfSupport(), all));
                }
            } catch (InvalidInputException | ConflictException e) {
                errors.add("Line " + row.line() + ": " + e.getMessage());
            }
        }
        int dataRows = rows.size() - 1;
        if (!errors.isEmpty()) {
            return new ImportResult(dataRows, 0, 0, errors);
        }
        if (units.isEmpty()) {
            return new ImportResult(0, 0, 0, List.of("The file has a header but no rows."));
        }
        int contracts = 0;
        for (NewUnit u : units.values()) {
            write(accountId, u);
            contracts += u.services().size();
        }
        return new ImportResult(dataRows, units.size(), contracts, List.of());
    }

    private static Map<String, Integer> header(Csv.Row row, List<String> errors) {
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < row.fields().size(); i++) {
            col.put(row.get(i).toLowerCase(Locale.ROOT).replace(' ', '_'), i);
        }
        for (String required : List.of("serial_number", "family", "model")) {
            if (!col.containsKey(required)) {
                errors.add("Line 1: the header has no '" + required + "' column. Expected: " + CSV_HEADER);
            }
        }
        return col;
    }

    private static String value(Csv.Row row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        String v = i == null ? "" : row.get(i);
        return v.isEmpty() ? null : v;
    }

    private static LocalDate date(Csv.Row row, Map<String, Integer> col, String name) {
        String v = value(row, col, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, name + " '" + v + "' is not a date in YYYY-MM-DD form.");
        }
    }
}
