package com.fortinet.marketplace.flex.catalog;

import com.fortinet.marketplace.installedbase.ImportResult;
import com.fortinet.marketplace.web.Csv;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The points-per-day rate table (admin page, CSV import). Every change re-prices the configurations of the product
 * types it touched, in the same transaction ({@link RatesChanged}).
 */
@Service
public class RateTable {

    public static final String CSV_HEADER = "product_type_id,kind,conditions,per_parameter_id,points_per_day";
    /** An optional sixth column says whether a row is a demo rate (the export writes it, so a round trip keeps it). */
    public static final String EXPORT_HEADER = CSV_HEADER + ",demo";

    private static final RowMapper<Rate> MAPPER = (rs, i) -> new Rate(rs.getLong("id"), rs.getInt("product_type_id"),
            RateKind.valueOf(rs.getString("kind")), rs.getString("conditions"), rs.getInt("per_parameter_id"),
            rs.getBigDecimal("points_per_day"), rs.getBoolean("demo"), rs.getTimestamp("updated_at").toInstant());

    private final JdbcTemplate jdbc;
    private final Catalog catalog;
    private final ApplicationEventPublisher events;

    public RateTable(JdbcTemplate jdbc, Catalog catalog, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.events = events;
    }

    public List<Rate> all() {
        return jdbc.query("select * from flex_rates order by product_type_id, kind, per_parameter_id, id", MAPPER);
    }

    public List<Rate> of(int productTypeId) {
        return jdbc.query("select * from flex_rates where product_type_id = ? order by kind, per_parameter_id, id", MAPPER,
                productTypeId);
    }

    /** Adds a row or replaces the points of the row with the same product type, conditions and per-unit parameter. */
    @Transactional
    public RateRows.Row put(Integer productTypeId, String kind, String conditions, String perParameter, String points,
                            Long userId, String actor) {
        if (productTypeId == null) {
            throw new InvalidInputException("productTypeId", "Choose the product type.");
        }
        // The other fields are checked against the product type's parameters, so only once it is known.
        ProductType type = catalog.find(productTypeId).orElseThrow(() -> new InvalidInputException("productTypeId",
                "There is no FortiFlex product type " + productTypeId + "."));
        RateRows.Row row = RateRows.parse(type, kind, conditions, perParameter, points);
        upsert(row, false, userId);
        events.publishEvent(new RatesChanged(Set.of(type.id()), userId, actor));
        return row;
    }

    /** Returns the product type of the deleted rate. */
    @Transactional
    public int delete(long rateId, Long userId, String actor) {
        List<Rate> found = jdbc.query("select * from flex_rates where id = ?", MAPPER, rateId);
        if (found.isEmpty()) {
            throw new NotFoundException("Rate " + rateId + " was not found.");
        }
        jdbc.update("delete from flex_rates where id = ?", rateId);
        events.publishEvent(new RatesChanged(Set.of(found.get(0).productTypeId()), userId, actor));
        return found.get(0).productTypeId();
    }

    private void upsert(RateRows.Row row, boolean demo, Long userId) {
        jdbc.update("""
                insert into flex_rates (product_type_id, kind, conditions, per_parameter_id, points_per_day, demo, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, current_timestamp(6))
                on duplicate key update kind = values(kind), points_per_day = values(points_per_day), demo = values(demo),
                    updated_by = values(updated_by), updated_at = current_timestamp(6)""",
                row.productTypeId(), row.kind().name(), row.conditions(), row.perParameterId(), row.pointsPerDay(), demo, userId);
    }

    /** {@value #CSV_HEADER}: adds or replaces rows; one bad line and nothing changes. */
    @Transactional
    public ImportResult importCsv(String text, Long userId, String actor) {
        List<Csv.Row> rows = Csv.parse(text);
        if (rows.isEmpty()) {
            return new ImportResult(0, 0, 0, List.of("The file is empty. The first line must be: " + CSV_HEADER));
        }
        Csv.Header col = Csv.header(rows.get(0), List.of("product_type_id", "kind", "conditions", "per_parameter_id",
                "points_per_day"), CSV_HEADER);
        if (!col.errors().isEmpty()) {
            return new ImportResult(rows.size() - 1, 0, 0, col.errors());
        }
        List<String> errors = new ArrayList<>();
        Map<Integer, ProductType> types = new HashMap<>();
        catalog.productTypes().forEach(t -> types.put(t.id(), t));
        List<RateRows.Row> parsed = new ArrayList<>();
        List<Boolean> demo = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Csv.Row r : rows.subList(1, rows.size())) {
            try {
                String typeText = col.get(r, "product_type_id");
                ProductType type;
                try {
                    type = types.get(Integer.parseInt(typeText));
                } catch (NumberFormatException e) {
                    type = null;
                }
                if (type == null) {
                    throw new InvalidInputException("productTypeId", "'" + typeText + "' is not a FortiFlex product type id ("
                            + String.join(", ", types.keySet().stream().sorted().map(String::valueOf).toList()) + ").");
                }
                RateRows.Row row = RateRows.parse(type, col.get(r, "kind"), col.get(r, "conditions"),
                        col.get(r, "per_parameter_id"), col.get(r, "points_per_day"));
                if (!seen.add(row.productTypeId() + "/" + row.conditions() + "/" + row.perParameterId())) {
                    throw new InvalidInputException("conditions", "The same product type, conditions and per-unit "
                            + "parameter appear twice in the file.");
                }
                parsed.add(row);
                demo.add(demo(col.get(r, "demo")));
            } catch (InvalidInputException e) {
                errors.add("Line " + r.line() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            return new ImportResult(rows.size() - 1, 0, 0, errors);
        }
        Set<Integer> touched = new LinkedHashSet<>();
        for (int i = 0; i < parsed.size(); i++) {
            upsert(parsed.get(i), demo.get(i), userId);
            touched.add(parsed.get(i).productTypeId());
        }
        events.publishEvent(new RatesChanged(touched, userId, actor));
        return new ImportResult(parsed.size(), parsed.size(), 0, List.of());
    }

    private static boolean demo(String raw) {
        String v = raw.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("false") || v.equals("no") || v.equals("0")) {
            return false;
        }
        if (v.equals("true") || v.equals("yes") || v.equals("1")) {
            return true;
        }
        throw new InvalidInputException("demo", "The demo column is true or false (empty: false).");
    }

    public String csv() {
        StringBuilder b = new StringBuilder(EXPORT_HEADER).append("\r\n");
        for (Rate r : all()) {
            b.append(Csv.line(r.productTypeId(), r.kind().name(), r.conditions(), r.perParameterId() == 0 ? "" : r.perParameterId(),
                    r.pointsPerDay().toPlainString(), r.demo()));
        }
        return b.toString();
    }
}
