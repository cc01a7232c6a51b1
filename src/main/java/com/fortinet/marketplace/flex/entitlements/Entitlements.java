package com.fortinet.marketplace.flex.entitlements;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Entitlements (current state) and their events (append-only). */
@Repository
class Entitlements {

    private static final String ROW_SELECT = """
            select e.*, c.name as config_name, t.name as type_name, u.model as unit_model
            from flex_entitlements e
            join flex_configs c on c.id = e.config_id
            join flex_product_types t on t.id = e.product_type_id
            left join units u on u.id = e.unit_id
            """;

    private static final RowMapper<EntitlementEvent> EVENT = (rs, i) -> new EntitlementEvent(rs.getLong("id"),
            rs.getLong("entitlement_id"), EventKind.valueOf(rs.getString("kind")), rs.getTimestamp("at").toInstant(),
            (Long) rs.getObject("user_id", Long.class), rs.getString("actor"),
            EntitlementStatus.valueOf(rs.getString("status_after")), rs.getLong("config_id_after"),
            rs.getObject("end_date_after", LocalDate.class), rs.getString("detail"));

    private final NamedParameterJdbcTemplate jdbc;

    Entitlements(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static Entitlement entitlement(ResultSet rs, int i) throws SQLException {
        String token = rs.getString("token_status");
        return new Entitlement(rs.getLong("id"), rs.getString("serial_number"), rs.getLong("account_id"),
                rs.getLong("program_id"), rs.getLong("config_id"), rs.getInt("product_type_id"), rs.getBoolean("hardware"),
                (Long) rs.getObject("unit_id", Long.class), rs.getString("description"),
                EntitlementStatus.valueOf(rs.getString("status")), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getBoolean("follows_program"), rs.getString("token"),
                token == null ? null : TokenStatus.valueOf(token), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static EntitlementRow row(ResultSet rs, int i) throws SQLException {
        return new EntitlementRow(entitlement(rs, i), rs.getString("config_name"), rs.getString("type_name"),
                rs.getString("unit_model"));
    }

    // ---- reads ----

    Optional<EntitlementRow> findRow(long accountId, String serial) {
        return jdbc.query(ROW_SELECT + " where e.account_id = :a and e.serial_number = :s",
                Map.of("a", accountId, "s", serial), Entitlements::row).stream().findFirst();
    }

    /** Locks the rows, in serial order, so two bulk requests on overlapping selections queue instead of deadlocking. */
    List<Entitlement> findForUpdate(long accountId, Collection<String> serials) {
        return jdbc.query("select * from flex_entitlements where account_id = :a and serial_number in (:s) "
                + "order by serial_number for update", Map.of("a", accountId, "s", serials), Entitlements::entitlement);
    }

    Optional<Entitlement> findByToken(String token) {
        return jdbc.query("select * from flex_entitlements where token = :t", Map.of("t", token), Entitlements::entitlement)
                .stream().findFirst();
    }

    Optional<Entitlement> findByIdForUpdate(long id) {
        return jdbc.query("select * from flex_entitlements where id = :id for update", Map.of("id", id),
                Entitlements::entitlement).stream().findFirst();
    }

    Page<EntitlementRow> page(long accountId, EntitlementFilter filter, Pageable pageable) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(accountId, filter, p);
        Long total = jdbc.queryForObject("select count(*) from flex_entitlements e where " + where, p, Long.class);
        p.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<EntitlementRow> rows = jdbc.query(ROW_SELECT + " where " + where
                + " order by t.sort_order, e.serial_number limit :limit offset :offset", p, Entitlements::row);
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    List<EntitlementRow> all(long accountId, EntitlementFilter filter) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        return jdbc.query(ROW_SELECT + " where " + where(accountId, filter, p) + " order by t.sort_order, e.serial_number",
                p, Entitlements::row);
    }

    private static String where(long accountId, EntitlementFilter f, MapSqlParameterSource p) {
        StringBuilder w = new StringBuilder("e.account_id = :account");
        p.addValue("account", accountId);
        if (f.productTypeId() != null) {
            w.append(" and e.product_type_id = :type");
            p.addValue("type", f.productTypeId());
        }
        if (f.status() != null) {
            w.append(" and e.status = :status");
            p.addValue("status", f.status().name());
        }
        if (f.configId() != null) {
            w.append(" and e.config_id = :config");
            p.addValue("config", f.configId());
        }
        if (f.serialPart() != null) {
            w.append(" and e.serial_number like :serial escape '\\\\'");
            p.addValue("serial", "%" + f.serialPart().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return w.toString();
    }

    /** Product types present on the account (for the filter and the bulk-selection hint). */
    List<Integer> productTypesOf(long accountId) {
        return jdbc.queryForList("select distinct product_type_id from flex_entitlements where account_id = :a order by 1",
                Map.of("a", accountId), Integer.class);
    }

    Map<EntitlementStatus, Long> countsByStatus(long accountId) {
        Map<EntitlementStatus, Long> counts = new java.util.EnumMap<>(EntitlementStatus.class);
        jdbc.query("select status, count(*) from flex_entitlements where account_id = :a group by status",
                Map.of("a", accountId), (ResultSet rs) -> {
                    counts.put(EntitlementStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    List<Entitlement> ofConfigInStatusForUpdate(long configId, Collection<EntitlementStatus> statuses) {
        return jdbc.query("select * from flex_entitlements where config_id = :c and status in (:s) order by serial_number for update",
                Map.of("c", configId, "s", statuses.stream().map(Enum::name).toList()), Entitlements::entitlement);
    }

    List<Entitlement> ofProgramInStatusForUpdate(long programId, Collection<EntitlementStatus> statuses) {
        return jdbc.query("select * from flex_entitlements where program_id = :p and status in (:s) order by serial_number for update",
                Map.of("p", programId, "s", statuses.stream().map(Enum::name).toList()), Entitlements::entitlement);
    }

    /** Entitlements whose end date has come and that are not yet EXPIRED (or REMOVED); {@code accountId} null: all. */
    List<Entitlement> due(Long accountId, LocalDate today) {
        MapSqlParameterSource p = new MapSqlParameterSource("t", Date.valueOf(today)).addValue("a", accountId);
        return jdbc.query("select * from flex_entitlements where status in ('PENDING', 'ACTIVE', 'STOPPED') and end_date <= :t"
                + (accountId == null ? "" : " and account_id = :a") + " order by id", p, Entitlements::entitlement);
    }

    /** The entitlement of each unit that has one (REMOVED included: the Units page says so). */
    Map<Long, EntitlementRow> ofUnits(Collection<Long> unitIds) {
        Map<Long, EntitlementRow> out = new java.util.HashMap<>();
        if (unitIds.isEmpty()) {
            return out;
        }
        jdbc.query(ROW_SELECT + " where e.unit_id in (:ids)", Map.of("ids", unitIds), Entitlements::row)
                .forEach(r -> out.put(r.entitlement().unitId(), r));
        return out;
    }

    boolean serialExists(String serial) {
        Integer n = jdbc.queryForObject("select count(*) from flex_entitlements where serial_number = :s", Map.of("s", serial),
                Integer.class);
        return n != null && n > 0;
    }

    List<Entitlement> withSerials(Collection<String> serials) {
        return jdbc.query("select * from flex_entitlements where serial_number in (:s)", Map.of("s", serials),
                Entitlements::entitlement);
    }

    List<EntitlementEvent> events(long entitlementId) {
        return jdbc.query("select * from flex_entitlement_events where entitlement_id = :e order by at desc, id desc",
                Map.of("e", entitlementId), EVENT);
    }

    // ---- writes ----

    long insert(Entitlement e) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into flex_entitlements (serial_number, account_id, program_id, config_id, product_type_id, hardware,
                    unit_id, description, status, start_date, end_date, follows_program, token, token_status, created_at, updated_at)
                values (:serial, :account, :program, :config, :type, :hardware, :unit, :description, :status, :start, :end,
                    :follows, :token, :tokenStatus, :at, :at)""", new MapSqlParameterSource()
                .addValue("serial", e.serialNumber()).addValue("account", e.accountId()).addValue("program", e.programId())
                .addValue("config", e.configId()).addValue("type", e.productTypeId()).addValue("hardware", e.hardware())
                .addValue("unit", e.unitId()).addValue("description", e.description()).addValue("status", e.status().name())
                .addValue("start", Date.valueOf(e.startDate())).addValue("end", Date.valueOf(e.endDate()))
                .addValue("follows", e.followsProgram()).addValue("token", e.token())
                .addValue("tokenStatus", e.tokenStatus() == null ? null : e.tokenStatus().name())
                .addValue("at", Timestamp.from(e.createdAt())), keys, new String[]{"id"});
        return keys.getKey().longValue();
    }

    /** Writes the entitlement's new current state (the caller holds its row lock and records the event). */
    void update(Entitlement e, Instant at) {
        jdbc.update("""
                update flex_entitlements set config_id = :config, description = :description, status = :status,
                    end_date = :end, follows_program = :follows, token = :token, token_status = :tokenStatus, updated_at = :at
                where id = :id""", new MapSqlParameterSource().addValue("id", e.id()).addValue("config", e.configId())
                .addValue("description", e.description()).addValue("status", e.status().name())
                .addValue("end", Date.valueOf(e.endDate())).addValue("follows", e.followsProgram())
                .addValue("token", e.token())
                .addValue("tokenStatus", e.tokenStatus() == null ? null : e.tokenStatus().name())
                .addValue("at", Timestamp.from(at)));
    }

    /** Sets the status only if it is still {@code from}: true when this call changed it (concurrent expiries write once). */
    boolean changeStatus(long id, EntitlementStatus from, EntitlementStatus to, Instant at) {
        return jdbc.update("update flex_entitlements set status = :to, updated_at = :at where id = :id and status = :from",
                Map.of("id", id, "from", from.name(), "to", to.name(), "at", Timestamp.from(at))) == 1;
    }

    void insertEvent(long entitlementId, EventKind kind, Instant at, Long userId, String actor, EntitlementStatus statusAfter,
                     long configIdAfter, LocalDate endDateAfter, String detail) {
        jdbc.update("""
                insert into flex_entitlement_events (entitlement_id, kind, at, user_id, actor, status_after, config_id_after,
                    end_date_after, detail)
                values (:e, :kind, :at, :user, :actor, :status, :config, :end, :detail)""", new MapSqlParameterSource()
                .addValue("e", entitlementId).addValue("kind", kind.name()).addValue("at", Timestamp.from(at))
                .addValue("user", userId).addValue("actor", actor.length() > 254 ? actor.substring(0, 254) : actor)
                .addValue("status", statusAfter.name()).addValue("config", configIdAfter)
                .addValue("end", Date.valueOf(endDateAfter))
                .addValue("detail", detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300)));
    }
}
