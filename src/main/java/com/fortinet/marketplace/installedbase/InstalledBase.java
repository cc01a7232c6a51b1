package com.fortinet.marketplace.installedbase;

import com.fortinet.marketplace.web.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Units and service contracts (JDBC: the queries are reports more than object graphs). */
@Repository
public class InstalledBase {

    /** The latest contract of each (unit, service): no later contract of the same service on the unit. */
    private static final String LATEST = """
            not exists (select 1 from service_contracts c2 where c2.unit_id = c.unit_id and c2.service = c.service
                        and (c2.end_date > c.end_date or (c2.end_date = c.end_date and c2.id > c.id)))
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public InstalledBase(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page<Unit> search(long accountId, UnitFilter filter, LocalDate today, Pageable pageable) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(accountId, filter.normalized(), today, p);
        Long total = jdbc.queryForObject("select count(*) from units u where " + where, p, Long.class);
        p.addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        List<Unit> units = jdbc.query("select u.* from units u where " + where
                + " order by u.serial_number limit :limit offset :offset", p, InstalledBase::unit);
        return new PageImpl<>(withCoverage(units, today), pageable, total == null ? 0 : total);
    }

    public List<Unit> searchAll(long accountId, UnitFilter filter, LocalDate today, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = where(accountId, filter.normalized(), today, p);
        p.addValue("limit", limit);
        return withCoverage(jdbc.query("select u.* from units u where " + where
                + " order by u.serial_number limit :limit", p, InstalledBase::unit), today);
    }

    private static String where(long accountId, UnitFilter f, LocalDate today, MapSqlParameterSource p) {
        StringBuilder w = new StringBuilder("u.account_id = :account");
        p.addValue("account", accountId);
        if (f.family() != null) {
            w.append(" and u.family = :family");
            p.addValue("family", f.family());
        }
        if (f.model() != null) {
            w.append(" and u.model = :model");
            p.addValue("model", f.model());
        }
        if (f.serial() != null) {
            w.append(" and u.serial_number like :serial");
            p.addValue("serial", "%" + f.serial().toUpperCase(Locale.ROOT).replace("%", "").replace("_", "\\_") + "%");
        }
        if (f.window() != null) {
            w.append(" and exists (select 1 from service_contracts c where c.unit_id = u.id and c.original_end_date is null and ");
            if (f.window() == ExpiryWindow.EXPIRED) {
                w.append("c.end_date <= :today");
            } else {
                w.append("c.end_date > :today and c.end_date <= :until");
                p.addValue("until", Date.valueOf(today.plusDays(f.window().days())));
            }
            w.append(" and ").append(LATEST).append(")");
            p.addValue("today", Date.valueOf(today));
        }
        return w.toString();
    }

    public Optional<Unit> findBySerial(String serial, LocalDate today) {
        List<Unit> found = bySerials(List.of(serial), today);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<Unit> bySerials(Collection<String> serials, LocalDate today) {
        if (serials.isEmpty()) {
            return List.of();
        }
        List<String> upper = serials.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
        return withCoverage(jdbc.query("select u.* from units u where u.serial_number in (:serials) order by u.serial_number",
                Map.of("serials", upper), InstalledBase::unit), today);
    }

    public boolean serialExists(String serial) {
        Integer n = jdbc.queryForObject("select count(*) from units where serial_number = :s",
                Map.of("s", serial.toUpperCase(Locale.ROOT)), Integer.class);
        return n != null && n > 0;
    }

    public List<String> families(long accountId) {
        return jdbc.queryForList("select distinct family from units where account_id = :a order by family",
                Map.of("a", accountId), String.class);
    }

    public List<String> models(long accountId) {
        return jdbc.queryForList("select distinct model from units where account_id = :a order by model",
                Map.of("a", accountId), String.class);
    }

    public long countUnits(long accountId) {
        Long n = jdbc.queryForObject("select count(*) from units where account_id = :a", Map.of("a", accountId), Long.class);
        return n == null ? 0 : n;
    }

    /** A unit of any account, as the back office lists it. */
    public record AdminRow(long id, String serialNumber, String family, String model, long accountId, String accountName,
                           String location, LocalDate endOfSupport) {
    }

    private static final RowMapper<AdminRow> ADMIN_ROW = (rs, i) -> {
        Date eos = rs.getDate("end_of_support");
        return new AdminRow(rs.getLong("id"), rs.getString("serial_number"), rs.getString("family"), rs.getString("model"),
                rs.getLong("account_id"), rs.getString("account_name"), rs.getString("location"),
                eos == null ? null : eos.toLocalDate());
    };

    /** Back-office search over every account: serial number, model, location or account name contain {@code q}. */
    public Page<AdminRow> adminSearch(String q, Pageable pageable) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        String where = "";
        if (q != null && !q.isBlank()) {
            where = " where u.serial_number like :q or u.model like :q or u.location like :q or a.name like :q";
            p.addValue("q", "%" + q.trim().replace("\\", "").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String from = " from units u join accounts a on a.id = u.account_id" + where;
        Long total = jdbc.queryForObject("select count(*)" + from, p, Long.class);
        long count = total == null ? 0 : total;
        int page = (int) Math.min(pageable.getPageNumber(), Math.max(0, (count - 1) / pageable.getPageSize()));
        Pageable shown = org.springframework.data.domain.PageRequest.of(page, pageable.getPageSize());
        p.addValue("limit", shown.getPageSize()).addValue("offset", shown.getOffset());
        return new PageImpl<>(jdbc.query("select u.*, a.name as account_name" + from
                + " order by u.serial_number limit :limit offset :offset", p, ADMIN_ROW), shown, count);
    }

    public Optional<AdminRow> adminRow(long unitId) {
        return jdbc.query("select u.*, a.name as account_name from units u join accounts a on a.id = u.account_id where u.id = :id",
                Map.of("id", unitId), ADMIN_ROW).stream().findFirst();
    }

    /** The back office corrects a unit's family, model, location or End-of-Support date. */
    public void updateUnit(long unitId, String family, String model, String location, LocalDate endOfSupport) {
        jdbc.update("update units set family = :family, model = :model, location = :location, end_of_support = :eos where id = :id",
                new MapSqlParameterSource().addValue("id", unitId).addValue("family", family).addValue("model", model)
                        .addValue("location", location).addValue("eos", endOfSupport == null ? null : Date.valueOf(endOfSupport)));
    }

    public long countAll() {
        Long n = jdbc.getJdbcTemplate().queryForObject("select count(*) from units", Long.class);
        return n == null ? 0 : n;
    }

    /** Units with at least one service lapsed, in grace, or expiring within 30 days: the units page's summary. */
    public record Counts(long units, long lapsed, long inGrace, long expiring) {
    }

    public Counts counts(long accountId, LocalDate today) {
        var p = new MapSqlParameterSource("a", accountId).addValue("t", Date.valueOf(today))
                .addValue("graceStart", Date.valueOf(today.minusDays(com.fortinet.marketplace.forticare.ContinuousServicePolicy.GRACE_DAYS)))
                .addValue("soon", Date.valueOf(today.plusDays(CoverageStatus.EXPIRING_DAYS)));
        return jdbc.queryForObject("""
                select count(distinct case when c.end_date < :graceStart then c.unit_id end) as lapsed,
                       count(distinct case when c.end_date >= :graceStart and c.end_date <= :t then c.unit_id end) as grace,
                       count(distinct case when c.end_date > :t and c.end_date <= :soon then c.unit_id end) as expiring
                from service_contracts c join units u on u.id = c.unit_id
                where u.account_id = :a and c.original_end_date is null and\s""" + LATEST, p,
                (rs, i) -> new Counts(countUnits(accountId), rs.getLong("lapsed"), rs.getLong("grace"), rs.getLong("expiring")));
    }

    private List<Unit> withCoverage(List<Unit> units, LocalDate today) {
        if (units.isEmpty()) {
            return units;
        }
        Map<Long, List<Coverage>> byUnit = new LinkedHashMap<>();
        jdbc.query("select c.* from service_contracts c where c.unit_id in (:ids) and " + LATEST
                        + " order by c.unit_id, c.service",
                Map.of("ids", units.stream().map(Unit::id).toList()), (ResultSet rs) -> {
                    LocalDate end = rs.getDate("end_date").toLocalDate();
                    CoverageStatus status = rs.getDate("original_end_date") != null
                            ? CoverageStatus.UPGRADED : CoverageStatus.of(end, today);
                    byUnit.computeIfAbsent(rs.getLong("unit_id"), k -> new ArrayList<>()).add(new Coverage(
                            rs.getLong("id"), rs.getString("contract_number"), rs.getString("service"),
                            rs.getDate("start_date").toLocalDate(), end, status));
                });
        return units.stream().map(u -> u.withCoverage(byUnit.getOrDefault(u.id(), List.of()))).toList();
    }

    private static Unit unit(ResultSet rs, int i) throws SQLException {
        Date eos = rs.getDate("end_of_support");
        return new Unit(rs.getLong("id"), rs.getString("serial_number"), rs.getString("family"), rs.getString("model"),
                rs.getLong("account_id"), rs.getString("location"), eos == null ? null : eos.toLocalDate(), List.of());
    }

    // ---- writes ----

    public long insertUnit(long accountId, String serial, String family, String model, String location, LocalDate eos) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into units (serial_number, family, model, account_id, location, end_of_support)
                values (:serial, :family, :model, :account, :location, :eos)
                """, new MapSqlParameterSource().addValue("serial", serial).addValue("family", family)
                .addValue("model", model).addValue("account", accountId).addValue("location", location)
                .addValue("eos", eos == null ? null : Date.valueOf(eos)), keys, new String[]{"id"});
        return keys.getKey().longValue();
    }

    public enum Channel { POINTS, PO, IMPORT }

    public enum Kind { NEW, RENEWAL, COTERM, UPGRADE }

    /**
     * A contract to write. Start with {@link #of} (an imported NEW contract) and say how it came about with
     * {@link #numbered}, {@link #following}, {@link #paidWithPoints} or {@link #paidByPo}, rather than a run of nulls.
     */
    public record NewContract(long unitId, String service, String contractNumber, LocalDate start, LocalDate end,
                              Channel channel, Kind kind, Long renewsContractId, Long upgradedFromContractId,
                              Long orderId, Long points) {

        /** Coverage {@code [start, end)} of {@code service} on the unit: imported, NEW, number generated. */
        public static NewContract of(long unitId, String service, LocalDate start, LocalDate end) {
            return new NewContract(unitId, service, null, start, end, Channel.IMPORT, Kind.NEW, null, null, null, null);
        }

        /** The contract's own number (an import); blank keeps the generated one. */
        public NewContract numbered(String number) {
            return new NewContract(unitId, service, number, start, end, channel, kind, renewsContractId,
                    upgradedFromContractId, orderId, points);
        }

        /**
         * How it follows the unit's previous contract of the service: a RENEWAL or COTERM continues it (a contract is
         * renewed at most once), an UPGRADE replaces it; NEW follows nothing.
         */
        public NewContract following(Kind how, Long previousContractId) {
            return new NewContract(unitId, service, contractNumber, start, end, channel, how,
                    how == Kind.RENEWAL || how == Kind.COTERM ? previousContractId : null,
                    how == Kind.UPGRADE ? previousContractId : null, orderId, points);
        }

        /** Bought in the marketplace: the order and the points it cost. */
        public NewContract paidWithPoints(long order, long pointsPaid) {
            return new NewContract(unitId, service, contractNumber, start, end, Channel.POINTS, kind, renewsContractId,
                    upgradedFromContractId, order, pointsPaid);
        }

        /** Bought through a purchase order, recorded by renewals staff; the PO's amount in USD (= points). */
        public NewContract paidByPo(long amount) {
            return new NewContract(unitId, service, contractNumber, start, end, Channel.PO, kind, renewsContractId,
                    upgradedFromContractId, orderId, amount);
        }
    }

    public record CreatedContract(long id, String contractNumber) {
    }

    /** The one writer of service_contracts (marketplace orders, PO renewals, imports, demo data). */
    public CreatedContract insertContract(NewContract c) {
        String number = c.contractNumber() == null || c.contractNumber().isBlank() ? newContractNumber() : c.contractNumber();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.update("""
                    insert into service_contracts (unit_id, service, contract_number, start_date, end_date, channel, kind,
                        renews_contract_id, upgraded_from_contract_id, order_id, points)
                    values (:unit, :service, :number, :start, :end, :channel, :kind, :renews, :upgradedFrom, :order, :points)
                    """, new MapSqlParameterSource().addValue("unit", c.unitId()).addValue("service", c.service())
                    .addValue("number", number).addValue("start", Date.valueOf(c.start())).addValue("end", Date.valueOf(c.end()))
                    .addValue("channel", c.channel().name()).addValue("kind", c.kind().name())
                    .addValue("renews", c.renewsContractId()).addValue("upgradedFrom", c.upgradedFromContractId())
                    .addValue("order", c.orderId()).addValue("points", c.points()), keys, new String[]{"id"});
        } catch (DuplicateKeyException e) {
            throw renewedConcurrently(e, c.renewsContractId() == null ? "of this unit" : numberOf(c.renewsContractId()));
        }
        return new CreatedContract(keys.getKey().longValue(), number);
    }

    /**
     * A contract is renewed at most once (uk_contracts_renews_once). Writers lock the unit's account before they
     * check, so this is only a safety net: a conflict with a reason (409), not a 500.
     */
    private static RuntimeException renewedConcurrently(DuplicateKeyException e, String contract) {
        if (String.valueOf(e.getMessage()).contains("uk_contracts_renews_once")) {
            return new ConflictException("contractId", "The contract " + contract + " was renewed by another request a "
                    + "moment ago; nothing was changed. Reload to see its new coverage.");
        }
        return e;
    }

    /** An upgrade ends the old contract today; its original end is kept for reports. */
    public void endEarly(long contractId, LocalDate on) {
        jdbc.update("""
                update service_contracts set original_end_date = coalesce(original_end_date, end_date), end_date = :on
                where id = :id
                """, Map.of("id", contractId, "on", Date.valueOf(on)));
    }

    private String numberOf(long contractId) {
        return jdbc.queryForObject("select contract_number from service_contracts where id = :id", Map.of("id", contractId),
                String.class);
    }

    public boolean contractNumberExists(String number) {
        Integer n = jdbc.queryForObject("select count(*) from service_contracts where contract_number = :n",
                Map.of("n", number), Integer.class);
        return n != null && n > 0;
    }

    /** The one generator of contract numbers: SC and 12 random hex digits (unique key on contract_number). */
    static String newContractNumber() {
        return "SC" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    }
}
