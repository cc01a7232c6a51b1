package com.fortinet.marketplace.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
    EmbeddedMariaDb embeddedMariaDb(@Value("${portal.embedded-db.data-dir}") String dataDir,
                                    @Value("${portal.embedded-db.base-dir}") String baseDir,
                                    @Value("${portal.embedded-db.fresh:false}") boolean fresh,
                                    @Value("${portal.embedded-db.database}") String database,
                                    @Value("${portal.embedded-db.port:0}") int port) {
        return EmbeddedMariaDb.acquire(Path.of(dataDir), Path.of(baseDir), fresh, database, port);
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
