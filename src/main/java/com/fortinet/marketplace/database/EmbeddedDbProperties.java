package com.fortinet.marketplace.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portal.embedded-db.*}: where the embedded MariaDB keeps its data and binaries (application.properties sets
 * both), whether to start from an empty data directory (tests), the database name and the port (0: any free one).
 */
@ConfigurationProperties("portal.embedded-db")
public record EmbeddedDbProperties(String dataDir, String baseDir, @DefaultValue("false") boolean fresh,
                                   @DefaultValue("portal") String database, @DefaultValue("0") int port) {
}
