package com.fortinet.marketplace.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Well-formed input that a business rule refuses (422): insufficient points, postpaid program, lapsed upgrade. */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class BusinessRuleException extends RuntimeException {
    private final String title;

    public BusinessRuleException(String title, String message) {
        super(message);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
