package com.fortinet.marketplace.web;

import tools.jackson.core.JacksonException;

import java.util.List;

/** A Jackson error path as the API names fields: {@code lines[0].serialNumber}. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(List<JacksonException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference r : path) {
            if (r.getPropertyName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
