package com.fortinet.marketplace.flex;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@Repository
public class FlexPacks {

    private static final String SELECT = """
            select f.id, f.account_id, f.program_id, p.serial_number, f.sku, f.points, f.registered_on, f.idempotency_key,
                   u.email, f.created_at
            from flex_packs f
            join flex_programs p on p.id = f.program_id
            join users u on u.id = f.registered_by
            """;
    private static final RowMapper<FlexPack> MAPPER = (rs, i) -> new FlexPack(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            rs.getString(4), rs.getString(5), FlexPoints.of(rs.getBigDecimal(6)), rs.getObject(7, LocalDate.class),
            rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant());

    private final JdbcTemplate jdbc;

    public FlexPacks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FlexPack> find(long accountId, long packId) {
        return jdbc.query(SELECT + " where f.account_id = ? and f.id = ?", MAPPER, accountId, packId).stream().findFirst();
    }

    /** A locking read: sees a pack committed by a concurrent request with the same key. */
    public List<FlexPack> ofAccount(long accountId, int limit) {
        return jdbc.query(SELECT + " where f.account_id = ? order by f.id desc limit ?", MAPPER, accountId, limit);
    }

    public long insert(long accountId, long programId, String sku, FlexPoints points, LocalDate registeredOn, String key,
                       long userId) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into flex_packs (account_id, program_id, sku, points, registered_on, idempotency_key, registered_by)
                    values (?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, accountId);
            ps.setLong(2, programId);
            ps.setString(3, sku);
            ps.setBigDecimal(4, points.toBigDecimal());
            ps.setDate(5, Date.valueOf(registeredOn));
            ps.setString(6, key);
            ps.setLong(7, userId);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }
}
