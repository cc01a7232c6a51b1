package com.fortinet.marketplace.orders;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.util.List;

/** Under the lock the order no longer matches the preview the user confirmed: nothing was charged (409). */
@ResponseStatus(HttpStatus.CONFLICT)
public class PreviewChangedException extends RuntimeException {

    private final List<String> changes;

    public PreviewChangedException(List<String> changes) {
        super("The order changed since your preview, so it was not placed and nothing was charged: "
                + String.join(" ", changes));
        this.changes = List.copyOf(changes);
    }

    public List<String> changes() {
        return changes;
    }
}
