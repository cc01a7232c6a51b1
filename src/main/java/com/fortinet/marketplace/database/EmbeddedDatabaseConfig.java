package com.fortinet.marketplace.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * With no datasource configured the portal brings its own MariaDB, so a fresh clone runs with one command.
 * Setting SPRING_DATASOURCE_URL switches this off and Boot's own datasource takes over.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfig {

    @Bean
    EmbeddedMariaDb embeddedMariaDb(@Value("${portal.embedded-db.data-dir}") String dataDir,
                                    @Value("${portal.embedded-db.base-dir}") String baseDir,
                                    @Value("${portal.embedded-db.fresh:false}") boolean fresh,
                                    @Value("${portal.embedded-db.database}") String database) {
        return EmbeddedMariaDb.startOnce(Path.of(dataDir), Path.of(baseDir), fresh, database);
    }

    @Bean
    DataSource dataSource(EmbeddedMariaDb db, @Value("${portal.embedded-db.database}") String database) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl(database));
        ds.setUsername("root");
        ds.setPassword("");
        ds.setMaximumPoolSize(40);
        ds.setPoolName("portal-embedded");
        return ds;
    }
}
