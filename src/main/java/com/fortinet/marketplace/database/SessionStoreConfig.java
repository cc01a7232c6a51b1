package com.fortinet.marketplace.database;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions live in the database (Spring Session JDBC). One session may send requests in parallel (htmx fragments,
 * several tabs): each loads the session, and two that add the same attribute (a CSRF token, a flash message) both
 * insert its row, so the second used to fail with "Duplicate entry … SPRING_SESSION_ATTRIBUTES" (a 500 for about
 * 15 % of 16 parallel requests). Spring Session's MySQL customizer makes that insert an upsert
 * ({@code ON DUPLICATE KEY UPDATE}, MariaDB and MySQL alike): the last writer's value wins, as in one JVM's session.
 * <p>
 * The repository the session filter and every other bean see is {@link LeanSessionRepository} around the JDBC one: no
 * write for a request that only touched its session, no second read of the session just saved.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfig {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributeUpsert() {
        return new MySqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * Spring Session's transactions (its own, as by default: a new one for each call), except around the lookup of a
     * session by id, which is one SELECT ({@link LeanSessionRepository#reading()}). Not a default candidate: only the
     * session repository asks for it by name, and Spring Boot's own TransactionTemplate stays.
     */
    @Bean(defaultCandidate = false)
    @Qualifier("springSessionTransactionOperations")
    TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactionManager) {
        TransactionTemplate own = new TransactionTemplate(transactionManager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new TransactionOperations() {
            @Override
            public <T> T execute(TransactionCallback<T> action) {
                return LeanSessionRepository.reading() ? action.doInTransaction(new SimpleTransactionStatus(false))
                        : own.execute(action);
            }
        };
    }

    /**
     * Spring Boot builds the JDBC repository (its settings, customizers, expired-session clean-up) and backs off when
     * the context holds another {@code SessionRepository}; so the JDBC one is wrapped where it is created, and the
     * session filter and every other bean get the wrapper.
     */
    @Bean
    static BeanPostProcessor leanSessions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository jdbc ? new LeanSessionRepository(jdbc) : bean;
            }
        };
    }

    /** Around the session filter: what {@link LeanSessionRepository} kept for its request is dropped when it ends. */
    @Bean
    FilterRegistrationBean<Filter> leanSessionRequestEnd() {
        Filter filter = (request, response, chain) -> {
            try {
                chain.doFilter(request, response);
            } finally {
                LeanSessionRepository.forgetSaved();
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
        registration.setName("leanSessionRequestEnd");
        return registration;
    }
}
