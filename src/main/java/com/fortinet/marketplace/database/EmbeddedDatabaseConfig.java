package com.fortinet.marketplace.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * With no datasource configured the portal brings its own MariaDB, so a fresh clone runs with one command.
 * Setting SPRING_DATASOURCE_URL switches this off and Boot's own datasource takes over.
 * <p>
 * Shutdown order: the datasource depends on the database bean, so Spring closes the pool before it releases the
 * database, and both happen after the web server has drained its in-flight requests (graceful shutdown runs in the
 * lifecycle phase, before any bean is destroyed).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfig {

    @Bean(destroyMethod = "release")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDbProperties p) {
        return EmbeddedMariaDb.acquire(Path.of(p.dataDir()), Path.of(p.baseDir()), p.fresh(), p.database(), p.port());
    }

    /**
     * An embedded database follows a developer's checkout, where migrations of parallel branches (each in its own
     * version range) arrive in any order: it applies a lower version that lands after a higher one. An external
     * (production) database gets its migrations in release order only: Flyway's default, out-of-order off.
     */
    @Bean
    FlywayConfigurationCustomizer embeddedDatabaseAppliesLateMigrations() {
        return flyway -> flyway.outOfOrder(true);
    }

    /** The same pool settings as an external database ({@code spring.datasource.hikari.*}), bound onto this pool. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedMariaDb db) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl());
        ds.setUsername(db.username());
        ds.setPassword(db.password());
        ds.setMaximumPoolSize(40);
        ds.setPoolName("portal-embedded");
        return ds;
    }
}
