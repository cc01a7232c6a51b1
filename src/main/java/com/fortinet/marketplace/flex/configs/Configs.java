package com.fortinet.marketplace.flex.configs;

import com.fortinet.marketplace.flex.FlexActor;
import com.fortinet.marketplace.flex.catalog.ConfigParameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Configurations (current state) and their versions (append-only history). */
@Repository
public class Configs {

    private static final RowMapper<FlexConfig> MAPPER = (rs, i) -> new FlexConfig(rs.getLong("id"),
            rs.getLong("account_id"), rs.getLong("program_id"), rs.getInt("product_type_id"), rs.getString("name"),
            ConfigStatus.valueOf(rs.getString("status")), ConfigParameters.parse(rs.getString("parameters")),
            rs.getBigDecimal("points_per_day"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant());

    private static final RowMapper<ConfigVersion> VERSION = (rs, i) -> new ConfigVersion(rs.getLong("id"),
            rs.getLong("config_id"), rs.getInt("version"), rs.getTimestamp("valid_from").toInstant(),
            ConfigChange.valueOf(rs.getString("change_kind")), rs.getString("name"),
            ConfigStatus.valueOf(rs.getString("status")), ConfigParameters.parse(rs.getString("parameters")),
            rs.getBigDecimal("points_per_day"), (Long) rs.getObject("user_id", Long.class), rs.getString("actor"));

    private final JdbcTemplate jdbc;

    public Configs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FlexConfig> find(long accountId, long configId) {
        return jdbc.query("select * from flex_configs where account_id = ? and id = ?", MAPPER, accountId, configId)
                .stream().findFirst();
    }

    public Optional<FlexConfig> findForUpdate(long accountId, long configId) {
        return jdbc.query("select * from flex_configs where account_id = ? and id = ? for update", MAPPER, accountId, configId)
                .stream().findFirst();
    }

    public List<FlexConfig> ofAccount(long accountId) {
        return jdbc.query("select * from flex_configs where account_id = ? order by status, name, id", MAPPER, accountId);
    }

    public List<FlexConfig> ofProductTypesForUpdate(Collection<Integer> productTypeIds) {
        if (productTypeIds.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", productTypeIds.stream().map(String::valueOf).toList());
        return jdbc.query("select * from flex_configs where product_type_id in (" + in + ") order by id for update", MAPPER);
    }

    /** Entitlements per configuration of the account: [all but REMOVED, ACTIVE]. */
    public java.util.Map<Long, long[]> entitlementCounts(long accountId) {
        java.util.Map<Long, long[]> counts = new java.util.HashMap<>();
        jdbc.query("""
                select config_id, sum(status <> 'REMOVED'), sum(status = 'ACTIVE') from flex_entitlements
                where account_id = ? group by config_id""", rs -> {
            counts.put(rs.getLong(1), new long[]{rs.getLong(2), rs.getLong(3)});
        }, accountId);
        return counts;
    }

    public long insert(long accountId, long programId, int productTypeId, String name, ConfigParameters params,
                       BigDecimal pointsPerDay, Instant at, FlexActor actor) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into flex_configs (account_id, program_id, product_type_id, name, status, parameters,
                        points_per_day, version, created_at, updated_at)
                    values (?, ?, ?, ?, 'ACTIVE', ?, ?, 1, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, accountId);
            ps.setLong(2, programId);
            ps.setInt(3, productTypeId);
            ps.setString(4, name);
            ps.setString(5, params.text());
            ps.setBigDecimal(6, pointsPerDay);
            ps.setTimestamp(7, Timestamp.from(at));
            ps.setTimestamp(8, Timestamp.from(at));
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        insertVersion(id, 1, at, ConfigChange.CREATED, name, ConfigStatus.ACTIVE, params, pointsPerDay, actor);
        return id;
    }

    /** The new state of the configuration, kept as its next version (from {@code at} on) and as its current row. */
    public FlexConfig change(FlexConfig c, ConfigChange change, String name, ConfigStatus status, ConfigParameters params,
                             BigDecimal pointsPerDay, Instant at, FlexActor actor) {
        int version = c.version() + 1;
        insertVersion(c.id(), version, at, change, name, status, params, pointsPerDay, actor);
        jdbc.update("""
                update flex_configs set name = ?, status = ?, parameters = ?, points_per_day = ?, version = ?, updated_at = ?
                where id = ?""", name, status.name(), params.text(), pointsPerDay, version, Timestamp.from(at), c.id());
        return new FlexConfig(c.id(), c.accountId(), c.programId(), c.productTypeId(), name, status, params,
                pointsPerDay, version, c.createdAt(), at);
    }

    private void insertVersion(long configId, int version, Instant at, ConfigChange change, String name,
                               ConfigStatus status, ConfigParameters params, BigDecimal pointsPerDay, FlexActor actor) {
        jdbc.update("""
                insert into flex_config_versions (config_id, version, valid_from, change_kind, name, status, parameters,
                    points_per_day, user_id, actor)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", configId, version, Timestamp.from(at), change.name(), name,
                status.name(), params.text(), pointsPerDay, actor.userId(), actor.label());
    }

    /** Newest first. */
    public List<ConfigVersion> versions(long configId) {
        return jdbc.query("select * from flex_config_versions where config_id = ? order by version desc", VERSION, configId);
    }
}
