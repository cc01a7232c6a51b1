package com.fortinet.marketplace.flex.calculator;

import com.fortinet.marketplace.flex.FlexLedger;
import com.fortinet.marketplace.flex.FlexPoints;
import com.fortinet.marketplace.flex.FlexProgram;
import com.fortinet.marketplace.flex.FlexPrograms;
import com.fortinet.marketplace.flex.catalog.Catalog;
import com.fortinet.marketplace.flex.catalog.ParameterException;
import com.fortinet.marketplace.flex.catalog.Pricing;
import com.fortinet.marketplace.flex.catalog.ProductType;
import com.fortinet.marketplace.flex.configs.ParameterField;
import com.fortinet.marketplace.time.BusinessClock;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.FormErrors;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices a bill of materials (DESIGN §4.4, points calculator): each line through {@link Pricing#calc}, the same rate
 * table and price rule configurations use, for 1, 30 and 365 days; the totals held against the prepaid balance give
 * the {@link Runway}. Mistakes are collected per field ({@code l<i>_p<id>}, {@code l<i>_count}, {@code l<i>_type}) so
 * the page shows each next to its input; lines with a mistake are left out of the totals.
 */
@Service
public class PointsCalculator {

    public static final int MONTH_DAYS = 30;
    public static final int YEAR_DAYS = 365;

    private final Catalog catalog;
    private final Pricing pricing;
    private final FlexPrograms programs;
    private final FlexLedger ledger;
    private final BusinessClock clock;

    public PointsCalculator(Catalog catalog, Pricing pricing, FlexPrograms programs, FlexLedger ledger, BusinessClock clock) {
        this.catalog = catalog;
        this.pricing = pricing;
        this.programs = programs;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** One line as the page shows it; the figures are null until the line can be priced. */
    public record PricedLine(int index, ProductType type, List<ParameterField> fields, String count,
                             BigDecimal pointsPerDayEach, BigDecimal perDay, BigDecimal perMonth, BigDecimal perYear,
                             boolean demo, String incomplete) {

        public String field(String name) {
            return "l" + index + "_" + name;
        }

        public boolean priced() {
            return perDay != null;
        }
    }

    /**
     * {@code balance} null: no prepaid balance to hold the totals against ({@code balanceNote} says why);
     * {@code runway} null then too.
     */
    public record Result(List<PricedLine> lines, FormErrors errors, BigDecimal perDay, BigDecimal perMonth,
                         BigDecimal perYear, boolean demo, int leftOut, FlexProgram program, FlexPoints balance,
                         String balanceNote, Runway runway, LocalDate today) {
    }

    Result price(long accountId, BomForm bom) {
        FormErrors errors = new FormErrors();
        List<PricedLine> lines = new ArrayList<>();
        BigDecimal day = BigDecimal.ZERO;
        BigDecimal month = BigDecimal.ZERO;
        BigDecimal year = BigDecimal.ZERO;
        boolean demo = false;
        int leftOut = 0;
        for (BomForm.Line l : bom.lines()) {
            PricedLine p = line(l, errors);
            lines.add(p);
            if (p.priced()) {
                day = day.add(p.perDay());
                month = month.add(p.perMonth());
                year = year.add(p.perYear());
                demo |= p.demo();
            } else {
                leftOut++;
            }
        }
        LocalDate today = clock.today();
        FlexProgram program = programs.findByAccount(accountId).orElse(null);
        FlexPoints balance = null;
        String note = null;
        Runway runway = null;
        if (program == null) {
            note = "This account has no FortiFlex program: there is no balance to hold these figures against.";
        } else if (!program.isPrepaid()) {
            note = "Postpaid (MSSP) program: usage is billed monthly, there is no balance that runs out.";
        } else if (program.hasEnded(today)) {
            note = "FortiFlex program " + program.serialNumber() + " ended on " + program.endDate() + ".";
        } else {
            balance = ledger.balance(program.id());
            runway = Runway.of(balance, FlexPoints.of(day), today);
        }
        return new Result(lines, errors, day, month, year, demo, leftOut, program, balance, note, runway, today);
    }

    private PricedLine line(BomForm.Line l, FormErrors errors) {
        String prefix = "l" + l.index() + "_";
        ProductType type = l.productTypeId() == null ? null : catalog.find(l.productTypeId()).orElse(null);
        if (type == null) {
            if (l.productTypeId() != null) {
                errors.add(prefix + "type", "There is no FortiFlex product type " + l.productTypeId() + ".");
            }
            return new PricedLine(l.index(), null, List.of(), l.count(), null, null, null, null, false,
                    "Choose a product type to price this line.");
        }
        List<ParameterField> fields = ParameterField.of(type, l.typed(), null);
        Map<Integer, List<String>> given = l.typed() != null ? l.typed() : defaults(fields);
        Long count = count(l.count());
        if (count == null) {
            errors.add(prefix + "count", "The count is a whole number from 1 to " + String.format("%,d", Pricing.MAX_COUNT) + ".");
        }
        try {
            Pricing.Calculation one = pricing.calc(type.id(), given, count == null ? 1 : count, 1L);
            Pricing.Calculation m = pricing.calc(type.id(), given, count == null ? 1 : count, (long) MONTH_DAYS);
            Pricing.Calculation y = pricing.calc(type.id(), given, count == null ? 1 : count, (long) YEAR_DAYS);
            if (count == null) {
                return new PricedLine(l.index(), type, fields, l.count(), one.pointsPerDay(), null, null, null, one.demoRates(),
                        "Correct the count to price this line.");
            }
            return new PricedLine(l.index(), type, fields, l.count(), one.pointsPerDay(), one.totalPoints(), m.totalPoints(),
                    y.totalPoints(), one.demoRates(), null);
        } catch (ParameterException e) {
            if (l.typed() != null) {
                e.problems().forEach(p -> errors.add(p.parameterId() == null ? prefix + "type" : prefix + "p" + p.parameterId(), p.message()));
            }
            return new PricedLine(l.index(), type, fields, l.count(), null, null, null, null, false,
                    l.typed() != null ? "Correct the parameters to price this line." : "Fill in the parameters to price this line.");
        } catch (InvalidInputException e) {
            errors.add(prefix + ("count".equals(e.field()) ? "count" : "type"), e.getMessage());
            return new PricedLine(l.index(), type, fields, l.count(), null, null, null, null, false, e.getMessage());
        } catch (BusinessRuleException e) {
            // no rate matches these parameters: said on the line, it is not the user's typing
            return new PricedLine(l.index(), type, fields, l.count(), null, null, null, null, false, e.getMessage());
        }
    }

    /** What the inputs show for a line whose parameters were not sent: the catalogue's defaults. */
    private static Map<Integer, List<String>> defaults(List<ParameterField> fields) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        fields.forEach(f -> {
            if (!f.values().isEmpty()) {
                out.put(f.parameter().id(), f.values());
            }
        });
        return out;
    }

    private static Long count(String text) {
        String s = text == null ? "" : text.strip().replace(",", "");
        if (!s.matches("\\d{1,9}")) {
            return null;
        }
        long n = Long.parseLong(s);
        return n < 1 || n > Pricing.MAX_COUNT ? null : n;
    }
}
