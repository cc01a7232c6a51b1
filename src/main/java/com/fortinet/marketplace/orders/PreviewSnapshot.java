package com.fortinet.marketplace.orders;

import com.fortinet.marketplace.web.Formats;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user saw in the preview, per line: unit, service, term, dates, points, and whether the line was bought, left
 * out or refused (DESIGN §3.4: the page places exactly what it previewed). It travels with the "Place order" form and is
 * compared, under the account lock, with the quote computed there; any difference means nothing is charged and the
 * page shows the new preview with {@link #differences what changed}. It needs no signature: altering it can only make
 * the comparison refuse, or place what the server computed itself under the lock, as the API does.
 * Pure: no Spring, no database.
 */
public record PreviewSnapshot(List<Entry> lines) {

    public enum State { BUY, LEFT_OUT, REFUSED }

    public record Entry(String serialNumber, String service, String newService, Integer termMonths, LocalDate start,
                        LocalDate end, long points, State state) {

        String key() {
            return serialNumber + " " + service + (newService == null ? "" : " → " + newService);
        }

        String describe() {
            return switch (state) {
                case LEFT_OUT -> "left out";
                case REFUSED -> "refused";
                case BUY -> start + " to " + end + " for " + Formats.points(points);
            };
        }
    }

    public static PreviewSnapshot of(Quote quote) {
        return new PreviewSnapshot(quote.lines().stream().map(l -> new Entry(l.serialNumber(), l.service(),
                l.newService(), l.termMonths(), l.startDate(), l.endDate(), l.points(),
                l.refused() ? State.REFUSED : l.omitted() ? State.LEFT_OUT : State.BUY)).toList());
    }

    /** A compact text for a hidden form field (URL-safe Base64 of one line per order line). */
    public String encode() {
        StringBuilder b = new StringBuilder();
        for (Entry e : lines) {
            b.append(e.serialNumber()).append('|').append(nz(e.service())).append('|').append(nz(e.newService()))
                    .append('|').append(e.termMonths() == null ? "" : e.termMonths()).append('|').append(nz(e.start()))
                    .append('|').append(nz(e.end())).append('|').append(e.points()).append('|').append(e.state())
                    .append('\n');
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Empty for a missing or unreadable value (then the page has nothing to compare and places as the API does). */
    public static Optional<PreviewSnapshot> decode(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.trim()), StandardCharsets.UTF_8);
            List<Entry> entries = new ArrayList<>();
            for (String row : plain.split("\n")) {
                if (row.isEmpty()) {
                    continue;
                }
                String[] f = row.split("\\|", -1);
                if (f.length != 8) {
                    return Optional.empty();
                }
                entries.add(new Entry(f[0], blank(f[1]), blank(f[2]), f[3].isEmpty() ? null : Integer.valueOf(f[3]),
                        f[4].isEmpty() ? null : LocalDate.parse(f[4]), f[5].isEmpty() ? null : LocalDate.parse(f[5]),
                        Long.parseLong(f[6]), State.valueOf(f[7])));
            }
            return Optional.of(new PreviewSnapshot(List.copyOf(entries)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public long total() {
        return lines.stream().filter(e -> e.state() == State.BUY).mapToLong(Entry::points).sum();
    }

    /** What differs between this preview and {@code now}, one sentence per changed line; empty when they agree. */
    public List<String> differences(PreviewSnapshot now) {
        Map<String, Entry> before = index(lines);
        Map<String, Entry> after = index(now.lines());
        List<String> changes = new ArrayList<>();
        for (Entry b : before.values()) {
            Entry a = after.get(b.key());
            if (a == null) {
                changes.add(b.key() + " is no longer in the order.");
            } else if (!same(a, b)) {
                changes.add(b.key() + ": was " + b.describe() + ", now " + a.describe() + ".");
            }
        }
        for (Entry a : after.values()) {
            if (!before.containsKey(a.key())) {
                changes.add(a.key() + " is new in the order: " + a.describe() + ".");
            }
        }
        if (!changes.isEmpty() && total() != now.total()) {
            changes.add("Total: was " + Formats.points(total()) + ", now " + Formats.points(now.total()) + ".");
        }
        return changes;
    }

    private static boolean same(Entry a, Entry b) {
        return a.state() == b.state() && Objects.equals(a.termMonths(), b.termMonths())
                && Objects.equals(a.start(), b.start()) && Objects.equals(a.end(), b.end()) && a.points() == b.points();
    }

    private static Map<String, Entry> index(List<Entry> entries) {
        Map<String, Entry> m = new LinkedHashMap<>();
        entries.forEach(e -> m.putIfAbsent(e.key(), e));
        return m;
    }

    private static String nz(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String blank(String s) {
        return s.isEmpty() ? null : s;
    }
}
