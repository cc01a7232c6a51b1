package com.fortinet.marketplace.points;

import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.TextRules;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The pack catalogue admins keep. A SKU is never deleted (packs refer to it); it is deactivated instead. */
@Repository
public class PointsSkus {

    static final Pattern SKU = Pattern.compile("^[A-Z0-9][A-Z0-9-]{2,39}$");
    private static final RowMapper<PointsSku> ROW = (rs, i) -> new PointsSku(rs.getString("sku"), rs.getLong("points"),
            SkuKind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getBoolean("active"));

    private final JdbcTemplate jdbc;

    public PointsSkus(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<PointsSku> all() {
        return jdbc.query("select * from points_skus order by kind desc, points, sku", ROW);
    }

    public List<PointsSku> active() {
        return jdbc.query("select * from points_skus where active order by kind desc, points, sku", ROW);
    }

    public Optional<PointsSku> find(String sku) {
        if (sku == null) {
            return Optional.empty();
        }
        return jdbc.query("select * from points_skus where sku = ?", ROW, normalize(sku)).stream().findFirst();
    }

    public PointsSku require(String sku) {
        if (sku == null || sku.isBlank()) {
            throw new InvalidInputException("sku", "Choose a SKU from the catalogue, e.g. FC-10-FPNTS-10K.");
        }
        return find(sku).orElseThrow(() -> new InvalidInputException("sku", "Unknown SKU " + sku + ". Choose one from the catalogue."));
    }

    /** A catalogue SKU of this kind: a FortiFlex points SKU is never a FortiPoints pack, and the other way round. */
    public PointsSku require(String sku, SkuKind kind) {
        PointsSku s = require(sku);
        if (s.kind() != kind) {
            throw new InvalidInputException("sku", "SKU " + s.sku() + " is a " + s.kind().label() + " SKU, not a "
                    + kind.label() + " SKU.");
        }
        return s;
    }

    /** True when the text, ignoring case and spaces, is a catalogue SKU (people type SKUs where codes belong). */
    public boolean isSku(String text) {
        if (text == null) {
            return false;
        }
        String t = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        Integer n = jdbc.queryForObject("select count(*) from points_skus where sku = ? or replace(sku, '-', '') = ?",
                Integer.class, t, t.replace("-", ""));
        return n != null && n > 0;
    }

    @Transactional
    public PointsSku create(String sku, Long points, String description) {
        return create(sku, points, SkuKind.FORTIPOINTS, description);
    }

    @Transactional
    public PointsSku create(String sku, Long points, SkuKind kind, String description) {
        FieldChecks checks = new FieldChecks();
        if (kind == null) {
            checks.fail("kind", "Choose what the packs hold: FortiPoints or FortiFlex points.");
        }
        String s = normalize(sku);
        if (!SKU.matcher(s).matches()) {
            checks.fail("sku", "A SKU is 3 to 40 letters, digits and dashes, e.g. FC-10-FPNTS-10K.");
        }
        if (points == null || points < 1 || points > 10_000_000) {
            checks.fail("points", "Points per pack must be a whole number from 1 to 10,000,000.");
        }
        String typed = checks.value(() -> TextRules.line("description", "Descriptions", description));
        if (typed != null && typed.length() > 200) {
            checks.fail("description", "The description is at most 200 characters.");
        }
        checks.done();
        String d = typed == null || typed.isEmpty() ? kind.label() + " pack, " + java.text.NumberFormat.getIntegerInstance(Locale.US).format(points) + " points" : typed;
        if (find(s).isPresent()) {
            throw new ConflictException("sku", "SKU " + s + " already exists.");
        }
        jdbc.update("insert into points_skus (sku, points, kind, description, active) values (?, ?, ?, ?, true)", s, points,
                kind.name(), d);
        return find(s).orElseThrow();
    }

    @Transactional
    public void setActive(String sku, boolean active) {
        if (jdbc.update("update points_skus set active = ? where sku = ?", active, normalize(sku)) == 0) {
            throw new NotFoundException("SKU " + sku + " was not found.");
        }
    }

    static String normalize(String sku) {
        return sku == null ? "" : sku.trim().toUpperCase(Locale.ROOT);
    }
}
