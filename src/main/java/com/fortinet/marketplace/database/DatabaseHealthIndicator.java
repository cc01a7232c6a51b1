package com.fortinet.marketplace.database;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/**
 * Readiness ({@code /actuator/health/readiness}, component {@code database}): the database answers, no migration
 * failed and every migration this instance knows is applied. One query; with the database down it answers DOWN as
 * soon as the pool gives up (its connection timeout, a few seconds).
 */
@Component
class DatabaseHealthIndicator implements HealthIndicator {

    private final JdbcTemplate jdbc;
    private final ObjectProvider<Flyway> flyway;
    private volatile Long known;

    DatabaseHealthIndicator(JdbcTemplate jdbc, ObjectProvider<Flyway> flyway) {
        this.jdbc = jdbc;
        this.flyway = flyway;
    }

    @Override
    public Health health() {
        try {
            var counts = jdbc.queryForMap("select coalesce(sum(success = 0), 0) as failed, "
                    + "coalesce(sum(success = 1 and version is not null), 0) as applied from flyway_schema_history");
            long failed = ((Number) counts.get("failed")).longValue();
            long applied = ((Number) counts.get("applied")).longValue();
            if (failed > 0) {
                return Health.down().withDetail("migrations", failed + " failed").build();
            }
            if (applied < knownMigrations()) {
                return Health.down().withDetail("migrations", "pending").build();
            }
            return Health.up().build();
        } catch (DataAccessException e) {
            return Health.down().withDetail("database", "unreachable").build();
        }
    }

    /** Versioned migrations on this instance's classpath; counted once, the first time the database answers. */
    private long knownMigrations() {
        Long n = known;
        if (n == null) {
            Flyway f = flyway.getIfAvailable();
            n = f == null ? 0L : Arrays.stream(f.info().all()).filter(m -> m.getVersion() != null).count();
            known = n;
        }
        return n;
    }
}
