package com.fortinet.marketplace.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Field → message, so a form shows each error next to its field. */
public class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors of(String field, String message) {
        FormErrors e = new FormErrors();
        e.add(field, message);
        return e;
    }

    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field == null ? "form" : field, message);
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public Map<String, String> all() {
        return byField;
    }
}
