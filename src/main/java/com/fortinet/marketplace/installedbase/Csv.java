package com.fortinet.marketplace.installedbase;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV, small enough to own: quoted fields, doubled quotes, CRLF or LF. Used by imports and exports. */
public final class Csv {

    private Csv() {
    }

    /** Rows of fields; each row remembers its 1-based line number for error messages. */
    public record Row(int line, List<String> fields) {
        public String get(int i) {
            return i < fields.size() ? fields.get(i).trim() : "";
        }

        public boolean blank() {
            return fields.stream().allMatch(f -> f.isBlank());
        }
    }

    /** An import's first line: its columns by lower-case name, and a "Line 1: …" error for each required one missing. */
    public record Header(java.util.Map<String, Integer> columns, List<String> errors) {
        public boolean has(String column) {
            return columns.containsKey(column);
        }

        public String get(Row row, String column) {
            Integer i = columns.get(column);
            return i == null ? "" : row.get(i);
        }
    }

    public static Header header(Row first, List<String> required, String expected) {
        java.util.Map<String, Integer> columns = new java.util.HashMap<>();
        for (int i = 0; i < first.fields().size(); i++) {
            columns.put(first.get(i).toLowerCase(java.util.Locale.ROOT), i);
        }
        List<String> errors = required.stream().filter(c -> !columns.containsKey(c))
                .map(c -> "Line 1: the header has no '" + c + "' column. Expected: " + expected).toList();
        return new Header(columns, errors);
    }

    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        if (text == null) {
            return rows;
        }
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                rows.add(new Row(rowLine, List.copyOf(fields)));
                fields.clear();
                line++;
                rowLine = line;
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        rows.removeIf(Row::blank);
        return rows;
    }

    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String v = value.toString();
        // A leading =, +, - or @ would be run as a formula by spreadsheets.
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    public static String line(Object... values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(escape(values[i]));
        }
        return b.append("\r\n").toString();
    }
}
