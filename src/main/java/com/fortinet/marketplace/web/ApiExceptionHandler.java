package com.fortinet.marketplace.web;

import com.fortinet.marketplace.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.List;
import java.util.Map;

/** Every API error is an RFC 9457 problem with a title a person can act on. */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        if (e.field() != null) {
            p.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        }
        return p;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
        List<Map<String, String>> errors = e.errors().stream().filter(f -> f.field() != null)
                .map(f -> Map.of("field", f.field(), "message", f.message())).toList();
        if (!errors.isEmpty()) {
            p.setProperty("errors", errors);
        }
        return p;
    }

    @ExceptionHandler(BusinessRuleException.class)
    ProblemDetail rule(BusinessRuleException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.title(), e.getMessage());
    }

    @ExceptionHandler(TooManyAttemptsException.class)
    ProblemDetail tooMany(TooManyAttemptsException e) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input",
                "'" + e.getName() + "' has the wrong type or format.");
        p.setProperty("errors", List.of(Map.of("field", e.getName(), "message", "wrong type or format")));
        return p;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.isCause(e)) {
            // an outage DatabaseUnavailableAdvice's types don't name, e.g. a failed rollback on a connection the
            // pool closed, which replaces the original communications failure
            return DatabaseUnavailableAdvice.response();
        }
        log.error("Unexpected API error", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "Something went wrong on our side; nothing was changed."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", "Some fields are missing or wrong.");
        p.setProperty("errors", ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList());
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        JacksonException json = cause(ex, JacksonException.class);
        String field = json == null ? null : JsonPaths.of(json.getPath());
        String detail;
        if (json instanceof StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate Object property")) {
            detail = "'" + duplicate(read.getOriginalMessage()) + "' appears twice in the request body; send each field once.";
            field = field == null || field.isEmpty() ? duplicate(read.getOriginalMessage()) : field;
        } else if (json instanceof InputCoercionException && field != null && !field.isEmpty()) {
            detail = "'" + field + "' is out of range.";
        } else if (json instanceof InvalidNullException) {
            detail = "'" + field + "' must not be null.";
        } else if (json instanceof MismatchedInputException && field != null && !field.isEmpty()) {
            detail = "'" + field + "' has the wrong type or format (whole numbers are written without quotes or "
                    + "decimals, dates as \"YYYY-MM-DD\").";
        } else if (json instanceof StreamReadException) {
            detail = "The request body is not valid JSON.";
        } else if (json == null && ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            detail = "The request needs a JSON body.";
        } else {
            detail = "The request body is not valid JSON of the expected shape (a value may have the wrong type).";
        }
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail);
        if (field != null && !field.isEmpty()) {
            p.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return ResponseEntity.badRequest().body(p);
    }

    /** "Duplicate Object property \"points\"" → points */
    private static String duplicate(String message) {
        int a = message.indexOf('"');
        int b = message.indexOf('"', a + 1);
        return a >= 0 && b > a ? message.substring(a + 1, b) : "a field";
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setTitle(title);
        p.setDetail(detail);
        return p;
    }
}
