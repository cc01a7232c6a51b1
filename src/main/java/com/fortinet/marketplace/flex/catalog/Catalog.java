package com.fortinet.marketplace.flex.catalog;

import com.fortinet.marketplace.pricing.PriceList;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The FortiFlex catalogue as kept in the database: product types, their parameters and caps. Hardware model
 * parameters take their values from the price list (the models of the product type's family), so a model added to the
 * price list can be configured at once. Small enough to read whole on each use.
 */
@Repository
public class Catalog {

    private final JdbcTemplate jdbc;
    private final PriceList prices;

    public Catalog(JdbcTemplate jdbc, PriceList prices) {
        this.jdbc = jdbc;
        this.prices = prices;
    }

    public List<ProductType> productTypes() {
        Map<Integer, List<Parameter>> params = new LinkedHashMap<>();
        jdbc.query("select * from flex_parameters order by product_type_id, sort_order, id", (ResultSet rs) -> {
            Parameter p = parameter(rs);
            params.computeIfAbsent(p.productTypeId(), k -> new ArrayList<>()).add(p);
        });
        Map<Integer, List<ParameterCap>> caps = new LinkedHashMap<>();
        jdbc.query("""
                select c.*, p.product_type_id from flex_parameter_caps c join flex_parameters p on p.id = c.parameter_id
                order by c.parameter_id, c.by_parameter_id, c.from_value""", (ResultSet rs) -> {
            caps.computeIfAbsent(rs.getInt("product_type_id"), k -> new ArrayList<>()).add(new ParameterCap(
                    rs.getInt("parameter_id"), rs.getInt("by_parameter_id"), rs.getLong("from_value"), rs.getLong("max_value")));
        });
        List<String> models = prices.models();
        return jdbc.query("select * from flex_product_types order by sort_order, id", (rs, i) -> {
            int id = rs.getInt("id");
            String prefix = rs.getString("model_prefix");
            List<Parameter> ps = params.getOrDefault(id, List.of()).stream()
                    .map(p -> p.modelsFromPriceList()
                            ? p.withValues(models.stream().filter(m -> prefix != null && m.startsWith(prefix)).toList())
                            : p)
                    .toList();
            return new ProductType(id, rs.getString("code"), rs.getString("name"), rs.getBoolean("hardware"),
                    rs.getString("family"), prefix, rs.getString("serial_prefix"), rs.getInt("sort_order"), ps,
                    caps.getOrDefault(id, List.of()));
        });
    }

    public Optional<ProductType> find(int productTypeId) {
        return productTypes().stream().filter(t -> t.id() == productTypeId).findFirst();
    }

    public ProductType get(int productTypeId) {
        return find(productTypeId).orElseThrow(() -> new NotFoundException("There is no FortiFlex product type "
                + productTypeId + "."));
    }

    private static Parameter parameter(ResultSet rs) throws SQLException {
        String values = rs.getString("allowed_values");
        return new Parameter(rs.getInt("id"), rs.getInt("product_type_id"), rs.getString("code"), rs.getString("name"),
                ParameterType.valueOf(rs.getString("type")), (Long) rs.getObject("min_value", Long.class),
                (Long) rs.getObject("max_value", Long.class),
                values == null || values.isBlank() ? List.of() : Arrays.stream(values.split(",")).map(String::strip).toList(),
                rs.getBoolean("models_from_price_list"), rs.getBoolean("required"), rs.getString("default_value"),
                rs.getInt("sort_order"));
    }

    // ---- admin edits ----

    public void updateParameter(int id, String name, Long min, Long max, String allowedValues, boolean required,
                                String defaultValue) {
        jdbc.update("""
                update flex_parameters set name = ?, min_value = ?, max_value = ?, allowed_values = ?, required = ?,
                    default_value = ?
                where id = ?""", name, min, max, allowedValues, required, defaultValue, id);
    }

    public void putCap(int parameterId, int byParameterId, long from, long max) {
        jdbc.update("""
                insert into flex_parameter_caps (parameter_id, by_parameter_id, from_value, max_value) values (?, ?, ?, ?)
                on duplicate key update max_value = values(max_value)""", parameterId, byParameterId, from, max);
    }

    public boolean deleteCap(int parameterId, int byParameterId, long from) {
        return jdbc.update("delete from flex_parameter_caps where parameter_id = ? and by_parameter_id = ? and from_value = ?",
                parameterId, byParameterId, from) == 1;
    }
}
