package com.fortinet.marketplace.flex.v2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fortinet.marketplace.database.DatabaseUnavailable;
import com.fortinet.marketplace.web.BusinessRuleException;
import com.fortinet.marketplace.web.ConflictException;
import com.fortinet.marketplace.web.ForbiddenException;
import com.fortinet.marketplace.web.InvalidInputException;
import com.fortinet.marketplace.web.NotFoundException;
import com.fortinet.marketplace.web.TooManyAttemptsException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/**
 * FortiFlex's failure envelope: {@code status} -1, {@code message} what went wrong (what FortiFlex scripts print),
 * {@code error} its kind, and {@code field} the request field at fault when there is one. The HTTP status is the one
 * /api/v1 gives the same failure (400, 403, 404, 409, 422, 429, 503), so both kinds of client see it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record V2Failure(int status, String message, String error, String field) {

    static final int FAILED = -1;

    /** The failure and its HTTP status for an exception thrown by the services, the scope check or the body reader. */
    record Answer(HttpStatus http, V2Failure body) {
    }

    static Answer of(Exception e) {
        if (e instanceof InvalidInputException i) {
            return new Answer(HttpStatus.BAD_REQUEST, new V2Failure(FAILED, i.getMessage(), "Invalid input", i.field()));
        }
        if (e instanceof NotFoundException) {
            return new Answer(HttpStatus.NOT_FOUND, new V2Failure(FAILED, e.getMessage(), "Not found", null));
        }
        if (e instanceof ForbiddenException) {
            return new Answer(HttpStatus.FORBIDDEN, new V2Failure(FAILED, e.getMessage(), "Forbidden", null));
        }
        if (e instanceof ConflictException c) {
            return new Answer(HttpStatus.CONFLICT, new V2Failure(FAILED, c.getMessage(), "Conflict", c.field()));
        }
        if (e instanceof BusinessRuleException b) {
            return new Answer(HttpStatus.UNPROCESSABLE_CONTENT, new V2Failure(FAILED, b.getMessage(), b.title(), null));
        }
        if (e instanceof TooManyAttemptsException) {
            return new Answer(HttpStatus.TOO_MANY_REQUESTS, new V2Failure(FAILED, e.getMessage(), "Too many attempts", null));
        }
        if (e instanceof HttpMessageNotReadableException) {
            return new Answer(HttpStatus.BAD_REQUEST, new V2Failure(FAILED,
                    "The request body is not valid JSON; send a JSON object, e.g. {\"configId\": 22, \"count\": 1}.",
                    "Invalid input", "body"));
        }
        if (e instanceof HttpMediaTypeNotSupportedException) {
            return new Answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, new V2Failure(FAILED,
                    "Send the body as JSON with 'Content-Type: application/json'.", "Unsupported media type", null));
        }
        if (DatabaseUnavailable.isCause(e)) {
            return new Answer(HttpStatus.SERVICE_UNAVAILABLE, new V2Failure(FAILED, DatabaseUnavailable.DETAIL,
                    DatabaseUnavailable.TITLE, null));
        }
        return null;
    }

    static Answer unexpected() {
        return new Answer(HttpStatus.INTERNAL_SERVER_ERROR, new V2Failure(FAILED,
                "Something went wrong on our side; nothing was changed.", "Internal error", null));
    }
}
