package com.fortinet.marketplace.database;

import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import jakarta.servlet.ServletException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures answer 503 (the database can't be reached) and which stay errors of their own. */
class DatabaseUnavailableTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("pool timed out waiting for a connection",
                        new CannotCreateTransactionException("x", new SQLTransientConnectionException("timeout")), true),
                Arguments.of("communications link failure while reading the session",
                        new RecoverableDataAccessException("x", new SQLException("link", "08S01")), true),
                Arguments.of("Hibernate's connection exception", new JDBCConnectionException("x", new SQLException("x")), true),
                Arguments.of("SQL state class 08 deep in a servlet exception",
                        new ServletException("x", new RuntimeException(new SQLException("gone", "08003"))), true),
                // the original connection error overridden by the failed rollback on the closed connection
                Arguments.of("rollback on a connection the pool closed (no SQL state)",
                        new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
                                new SQLException("Connection is closed"))), true),
                Arguments.of("rollback failing with a connection state",
                        new JpaSystemException(new TransactionException("x", new SQLException("x", "08S01"))), true),
                Arguments.of("deadlock at commit is retried, not 503",
                        new JpaSystemException(new TransactionException("Unable to commit",
                                new SQLException("Deadlock found", "40001"))), false),
                Arguments.of("a transaction exception without a JDBC cause",
                        new JpaSystemException(new TransactionException("Transaction not active")), false),
                Arguments.of("lock wait timeout", new CannotAcquireLockException("x", new SQLException("x", "HY000")), false),
                Arguments.of("duplicate key", new DataIntegrityViolationException("x", new SQLException("dup", "23000")), false),
                Arguments.of("a plain bug", new IllegalStateException("bug"), false),
                Arguments.of("a SQLException without state outside a transaction exception", new RuntimeException(
                        new SQLException("Connection is closed")), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void tellsAnOutageFromOtherFailures(String what, Throwable failure, boolean unavailable) {
        assertThat(DatabaseUnavailable.isCause(failure)).isEqualTo(unavailable);
    }
}
