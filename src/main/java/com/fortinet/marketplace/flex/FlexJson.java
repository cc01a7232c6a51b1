package com.fortinet.marketplace.flex;

import com.fortinet.marketplace.web.InvalidInputException;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads FortiFlex API request bodies field by field, so that a value of the wrong shape gets a 400 naming its field
 * ("count", "parameters[2].value") rather than a generic "not valid JSON". Absent and JSON null read as null.
 */
public final class FlexJson {

    private final JsonNode body;

    private FlexJson(JsonNode body) {
        this.body = body;
    }

    public static FlexJson of(JsonNode body) {
        if (body != null && !body.isNull() && !body.isMissingNode() && !body.isObject()) {
            throw new InvalidInputException("body", "The request body is a JSON object, e.g. {\"configId\": 12, \"count\": 3}.");
        }
        return new FlexJson(body);
    }

    public boolean has(String field) {
        JsonNode n = node(field);
        return n != null;
    }

    private JsonNode node(String field) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        JsonNode n = body.get(field);
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    /** A JSON whole number (not a string, not a fraction) within [min, max]. */
    public Long whole(String field, long min, long max) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new InvalidInputException(field, "'" + field + "' is a whole number from " + String.format("%,d", min)
                    + " to " + String.format("%,d", max) + (n.isString() ? ", written without quotes." : "."));
        }
        long v = n.longValue();
        if (v < min || v > max) {
            throw new InvalidInputException(field, "'" + field + "' is a whole number from " + String.format("%,d", min)
                    + " to " + String.format("%,d", max) + ", not " + v + ".");
        }
        return v;
    }

    /** A JSON whole number of any size that fits a long; the caller checks its range. */
    public Long whole(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new InvalidInputException(field, "'" + field + "' is a whole number" + (n.isString() ? ", written without quotes." : "."));
        }
        return n.longValue();
    }

    public Integer wholeInt(String field, int min, int max) {
        Long v = whole(field, min, max);
        return v == null ? null : v.intValue();
    }

    public String string(String field, int maxLength) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isString()) {
            throw new InvalidInputException(field, "'" + field + "' is a string.");
        }
        String s = n.stringValue();
        if (s.length() > maxLength) {
            throw new InvalidInputException(field, "'" + field + "' is at most " + maxLength + " characters.");
        }
        return s;
    }

    public LocalDate date(String field) {
        String s = string(field, 40);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + field + "' is a date written YYYY-MM-DD, e.g. 2027-03-31.");
        }
    }

    /** An array of strings (each at most 64 characters), or null when absent. */
    public List<String> strings(String field, int maxItems) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            throw new InvalidInputException(field, "'" + field + "' is an array of strings, e.g. [\"FGT60FTK20030003\"].");
        }
        if (n.size() > maxItems) {
            throw new InvalidInputException(field, "'" + field + "' takes at most " + maxItems + " items, not " + n.size() + ".");
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        for (JsonNode item : n.values()) {
            if (item == null || !item.isString() || item.stringValue().length() > 64) {
                throw new InvalidInputException(field + "[" + i + "]", "'" + field + "[" + i + "]' is a serial number string.");
            }
            out.add(item.stringValue());
            i++;
        }
        return out;
    }

    /**
     * FortiFlex's parameter list: [{"id": 1, "value": "2"}, {"id": 43, "value": "FGTAVDB"}, …]. A value is a string or
     * a whole number; a MULTIVALUE parameter repeats its id or joins its codes with commas. Null when absent.
     */
    public Map<Integer, List<String>> parameters(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            throw new InvalidInputException(field, "'" + field + "' is an array of {\"id\": <parameter id>, \"value\": <value>}.");
        }
        if (n.size() > 200) {
            throw new InvalidInputException(field, "'" + field + "' takes at most 200 entries.");
        }
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode item : n.values()) {
            String at = field + "[" + i + "]";
            if (item == null || !item.isObject()) {
                throw new InvalidInputException(at, "'" + at + "' is an object {\"id\": <parameter id>, \"value\": <value>}.");
            }
            JsonNode id = item.get("id");
            if (id == null || !id.isIntegralNumber() || !id.canConvertToInt()) {
                throw new InvalidInputException(at + ".id", "'" + at + ".id' is a parameter id, a whole number (see GET /api/v1/flex/product-types).");
            }
            JsonNode value = item.get("value");
            String v;
            if (value == null || value.isNull()) {
                v = "";
            } else if (value.isString()) {
                v = value.stringValue();
            } else if (value.isIntegralNumber() && value.canConvertToLong()) {
                v = String.valueOf(value.longValue());
            } else {
                throw new InvalidInputException(at + ".value", "'" + at + ".value' is a string or a whole number.");
            }
            out.computeIfAbsent(id.intValue(), k -> new ArrayList<>()).add(v);
            i++;
        }
        return out;
    }
}
