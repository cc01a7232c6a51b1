package com.fortinet.marketplace.web;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The portal's one CSV (Apache Commons CSV, RFC 4180 with CRLF): every export streams through {@link #open} or is
 * built with {@link #line}, every import is read with {@link #parse}. One formula rule for every cell: text starting
 * with = + - @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it instead of running it;
 * plain numbers (-12, 6.39) stay numbers.
 */
public final class Csv implements AutoCloseable {

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();
    /** Lenient like a person's spreadsheet export: a quote inside a field or after a closing quote is kept as text. */
    private static final CSVFormat READ = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false)
            .setTrailingData(true).setLenientEof(true).get();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final CSVPrinter printer;

    private Csv(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Starts a download: text/csv in UTF-8 named {@code filename}; write rows, then close. */
    public static Csv open(HttpServletResponse response, String filename) throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        return new Csv(new CSVPrinter(response.getWriter(), WRITE));
    }

    public Csv row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public Csv row(List<?> cells) {
        try {
            printer.printRecord(cells.stream().map(Csv::defused).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }

    /** The formula rule alone: the text a cell holds (null is empty). */
    public static String defused(Object value) {
        if (value == null) {
            return "";
        }
        String v = value.toString();
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !NUMBER.matcher(v).matches()) {
            return "'" + v;
        }
        return v;
    }

    /** One cell as it appears in a line: defused, quoted when it has to be. */
    public static String cell(Object value) {
        String v = defused(value);
        return v.isEmpty() ? "" : line(v).stripTrailing();
    }

    /** One record, CRLF-terminated, for exports built in memory. */
    public static String line(Object... values) {
        StringBuilder b = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(b, WRITE)) {
            p.printRecord(Arrays.stream(values).map(Csv::defused).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toString();
    }

    /** A record of an import; {@code line} is the 1-based line it starts on, for error messages. */
    public record Row(int line, List<String> fields) {
        public String get(int i) {
            return i < fields.size() ? fields.get(i).trim() : "";
        }

        public boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** An import's first line: its columns by lower-case name, and a "Line 1: …" error for each required one missing. */
    public record Header(Map<String, Integer> columns, List<String> errors) {
        public boolean has(String column) {
            return columns.containsKey(column);
        }

        public String get(Row row, String column) {
            Integer i = columns.get(column);
            return i == null ? "" : row.get(i);
        }
    }

    public static Header header(Row first, List<String> required, String expected) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < first.fields().size(); i++) {
            columns.put(first.get(i).toLowerCase(Locale.ROOT), i);
        }
        List<String> errors = required.stream().filter(c -> !columns.containsKey(c))
                .map(c -> "Line 1: the header has no '" + c + "' column. Expected: " + expected).toList();
        return new Header(columns, errors);
    }

    /** The records of an import (a leading byte-order mark is skipped), blank lines left out. */
    public static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return rows;
        }
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (CSVParser parser = CSVParser.parse(new StringReader(s), READ)) {
            Iterator<CSVRecord> records = parser.iterator();
            long start = 1;
            while (records.hasNext()) {
                CSVRecord r = records.next();
                rows.add(new Row((int) start, r.toList()));
                // the next record starts on the line after the one this record ended on
                start = parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows.removeIf(Row::blank);
        return rows;
    }
}
