package com.fortinet.marketplace.flex.v2;

import com.fortinet.marketplace.flex.FlexJson;
import com.fortinet.marketplace.web.InvalidInputException;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a FortiFlex v2 request body. FortiFlex's own samples send ids and counts both as JSON numbers (Terraform,
 * Python) and as strings of digits (its Postman collection: {@code "id": "22"}, {@code "count": "3"}), and dates as
 * {@code YYYY-MM-DD} or {@code YYYY-MM-DD 00:00:00}; all of these are read. Everything else is {@link FlexJson}'s
 * reading, so a wrong value gets the same 400 naming its field as in /api/v1.
 */
final class V2Body {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    /** The date part of {@code 2026-10-11}, {@code 2026-10-11 00:00:00} or {@code 2026-10-11T00:00:00[.000][Z]}. */
    private static final Pattern DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?)?");

    private final JsonNode body;
    private final FlexJson json;

    private V2Body(JsonNode body) {
        this.json = FlexJson.of(body);
        this.body = body;
    }

    static V2Body of(JsonNode body) {
        return new V2Body(body);
    }

    /** The body as sent, for the idempotency fingerprint. */
    String text() {
        return body == null ? "{}" : body.toString();
    }

    private JsonNode node(String field) {
        if (body == null || !body.isObject()) {
            return null;
        }
        JsonNode n = body.get(field);
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    boolean has(String field) {
        return node(field) != null;
    }

    /** A whole number ≥ 1, as a JSON number or a string of digits; null when absent. */
    Long id(String field) {
        return whole(field, 1, Long.MAX_VALUE);
    }

    Long requiredId(String field, String what) {
        Long v = id(field);
        if (v == null) {
            throw new InvalidInputException(field, "Send '" + field + "', " + what + ".");
        }
        return v;
    }

    Long whole(String field, long min, long max) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        Long v = null;
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            v = n.longValue();
        } else if (n.isString() && DIGITS.matcher(n.stringValue().strip()).matches()) {
            v = Long.parseLong(n.stringValue().strip());
        }
        if (v == null || v < min || v > max) {
            throw new InvalidInputException(field, "'" + field + "' is a whole number"
                    + (max == Long.MAX_VALUE ? " from " + min : " from " + String.format("%,d", min) + " to " + String.format("%,d", max))
                    + (v == null ? "." : ", not " + v + "."));
        }
        return v;
    }

    String string(String field, int maxLength) {
        return json.string(field, maxLength);
    }

    String requiredString(String field, int maxLength, String what) {
        String s = string(field, maxLength);
        if (s == null || s.isBlank()) {
            throw new InvalidInputException(field, "Send '" + field + "', " + what + ".");
        }
        return s.strip();
    }

    Boolean bool(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        if (!n.isBoolean()) {
            throw new InvalidInputException(field, "'" + field + "' is true or false.");
        }
        return n.booleanValue();
    }

    LocalDate date(String field) {
        String s = string(field, 40);
        if (s == null || s.isBlank()) {
            return null;
        }
        var m = DATE.matcher(s.strip());
        if (m.matches()) {
            try {
                return LocalDate.parse(m.group(1));
            } catch (DateTimeParseException e) {
                // falls through to the message below
            }
        }
        throw new InvalidInputException(field, "'" + field + "' is a date written YYYY-MM-DD (or YYYY-MM-DD 00:00:00), e.g. 2027-03-31.");
    }

    LocalDate requiredDate(String field) {
        LocalDate d = date(field);
        if (d == null) {
            throw new InvalidInputException(field, "Send '" + field + "', a date written YYYY-MM-DD.");
        }
        return d;
    }

    List<String> strings(String field, int maxItems) {
        return json.strings(field, maxItems);
    }

    Map<Integer, List<String>> parameters(String field) {
        return json.parameters(field);
    }
}
