package com.fortinet.marketplace.web;

import com.fortinet.marketplace.database.DatabaseUnavailable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * API controllers whose database is unreachable answer 503 with Retry-After (before {@link ApiExceptionHandler}'s
 * catch-all would make it a 500). Exception handlers match a nested cause too, so a wrapped connection failure counts.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

    @ExceptionHandler({DataAccessResourceFailureException.class, RecoverableDataAccessException.class,
            CannotCreateTransactionException.class, SQLTransientConnectionException.class,
            SQLNonTransientConnectionException.class, SQLRecoverableException.class,
            org.hibernate.exception.JDBCConnectionException.class})
    ResponseEntity<ProblemDetail> unavailable() {
        return response();
    }

    static ResponseEntity<ProblemDetail> response() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS)).body(problem());
    }

    static ProblemDetail problem() {
        return ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.TITLE,
                DatabaseUnavailable.DETAIL);
    }
}
