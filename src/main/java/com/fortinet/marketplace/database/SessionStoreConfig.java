package com.fortinet.marketplace.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in the database (Spring Session JDBC). One session may send requests in parallel (htmx fragments,
 * several tabs): each loads the session, and two that add the same attribute (a CSRF token, a flash message) both
 * insert its row, so the second used to fail with "Duplicate entry … SPRING_SESSION_ATTRIBUTES" (a 500 for about
 * 15 % of 16 parallel requests). Spring Session's MySQL customizer makes that insert an upsert
 * ({@code ON DUPLICATE KEY UPDATE}, MariaDB and MySQL alike): the last writer's value wins, as in one JVM's session.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributeUpsert() {
        return new MySqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
