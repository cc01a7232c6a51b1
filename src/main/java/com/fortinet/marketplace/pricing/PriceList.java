package com.fortinet.marketplace.pricing;

import com.fortinet.marketplace.forticare.ServiceLadder;
import com.fortinet.marketplace.installedbase.ImportResult;
import com.fortinet.marketplace.forticare.ItemRules;
import com.fortinet.marketplace.web.Csv;
import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Points per (model, service, term of 12/36/60 months); the 12-month price is the annual price for proration. */
@Service
public class PriceList {

    public static final List<Integer> TERMS = List.of(12, 36, 60);
    public static final String CSV_HEADER = "model,service,term_months,points";
    private static final Pattern CODE = Pattern.compile("^[A-Z0-9][A-Z0-9-]{1,31}$");

    private final NamedParameterJdbcTemplate jdbc;

    public PriceList(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every price of these models in one query (an order's lines are priced from it). */
    public Prices forModels(Collection<String> models) {
        if (models.isEmpty()) {
            return new Prices(List.of());
        }
        return new Prices(jdbc.query("select model, service, term_months, points from price_list where model in (:models)",
                new MapSqlParameterSource("models", models), PriceList::price));
    }

    public List<Price> list(String model) {
        String m = model == null || model.isBlank() ? null : model.trim().toUpperCase(Locale.ROOT);
        return jdbc.query("select model, service, term_months, points from price_list"
                        + (m == null ? "" : " where model = :m")
                        + " order by model, " + ServiceLadder.sqlOrder("service") + ", service, term_months",
                new MapSqlParameterSource("m", m), PriceList::price);
    }

    private static Price price(ResultSet rs, int row) throws SQLException {
        return new Price(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4));
    }

    public List<String> models() {
        return jdbc.getJdbcTemplate().queryForList("select distinct model from price_list order by model", String.class);
    }

    @Transactional
    public void put(String model, String service, int term, long points) {
        Price p = validate(model, service, String.valueOf(term), String.valueOf(points));
        upsert(p);
    }

    private void upsert(Price p) {
        jdbc.update("""
                insert into price_list (model, service, term_months, points) values (:m, :s, :t, :p)
                on duplicate key update points = values(points)
                """, Map.of("m", p.model(), "s", p.service(), "t", p.termMonths(), "p", p.points()));
    }

    static Price validate(String model, String service, String term, String points) {
        String m = model == null ? "" : model.trim().toUpperCase(Locale.ROOT);
        String s = service == null ? "" : service.trim().toUpperCase(Locale.ROOT);
        FieldChecks checks = new FieldChecks();
        if (!CODE.matcher(m).matches()) {
            checks.fail("model", "Enter the model, e.g. FGT60F.");
        }
        if (!CODE.matcher(s).matches()) {
            checks.fail("service", "Enter the service code, e.g. FC247.");
        } else if (ItemRules.isHardware(s)) {
            checks.fail("service", ItemRules.HARDWARE_REFUSED);
        }
        int t;
        long p;
        try {
            t = Integer.parseInt(term == null ? "" : term.trim());
        } catch (NumberFormatException e) {
            t = -1;
        }
        if (!TERMS.contains(t)) {
            checks.fail("termMonths", "The term is 12, 36 or 60 months.");
        }
        try {
            p = Long.parseLong(points == null ? "" : points.trim());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p <= 0) {
            checks.fail("points", "Points are a whole number above 0.");
        }
        checks.done();
        return new Price(m, s, t, p);
    }

    /** model,service,term_months,points — adds or replaces prices; one bad line and nothing changes. */
    @Transactional
    public ImportResult importCsv(String text) {
        List<Csv.Row> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            return new ImportResult(0, 0, 0, List.of("The file is empty. The first line must be: " + CSV_HEADER));
        }
        Csv.Header header = Csv.header(rows.get(0), List.of("model", "service", "term_months", "points"), CSV_HEADER);
        if (!header.errors().isEmpty()) {
            return new ImportResult(rows.size() - 1, 0, 0, header.errors());
        }
        List<String> errors = new ArrayList<>();
        List<Price> prices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Csv.Row r : rows.subList(1, rows.size())) {
            try {
                Price p = validate(header.get(r, "model"), header.get(r, "service"), header.get(r, "term_months"),
                        header.get(r, "points"));
                if (!seen.add(p.model() + "/" + p.service() + "/" + p.termMonths())) {
                    throw new InvalidInputException("model", p.model() + " " + p.service() + " " + p.termMonths()
                            + " months appears twice in the file.");
                }
                prices.add(p);
            } catch (InvalidInputException e) {
                errors.add("Line " + r.line() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            return new ImportResult(rows.size() - 1, 0, 0, errors);
        }
        prices.forEach(this::upsert);
        return new ImportResult(prices.size(), prices.size(), 0, List.of());
    }
}
