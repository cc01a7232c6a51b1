package com.fortinet.marketplace.renewals;

import com.fortinet.marketplace.accounts.Region;
import com.fortinet.marketplace.web.FieldChecks;
import com.fortinet.marketplace.web.InvalidInputException;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

/** The RTS page parameters (period and filters), parsed once and turned back into links that keep them. */
public record RtsQuery(Period period, RtsFilter filter) {

    /** The query string as sent (bound by Spring MVC, names as in the links); {@link #parse} checks it. */
    public record Params(String from, String to, String month, String quarter, String region, String partner,
                         String family, String channel) {

        /** Refuses once, naming every parameter that is wrong. */
        public RtsQuery parse(LocalDate today) {
            FieldChecks checks = new FieldChecks();
            Period p = checks.value(() -> Period.parse(from, to, month, quarter, today));
            Region r = checks.value(() -> RtsQuery.region(region));
            Long pa = checks.value(() -> RtsQuery.partner(partner));
            Channel c = checks.value(() -> RtsQuery.channel(channel));
            checks.done();
            return new RtsQuery(p, new RtsFilter(r, pa, family, c));
        }
    }

    static Region region(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Region.valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("region", "Region is one of AMER, EMEA, APAC, LATAM.");
        }
    }

    static Long partner(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("partner", "Choose a partner from the list.");
        }
    }

    static Channel channel(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Channel.valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("channel", "Channel is POINTS (FortiPoints) or PO (purchase order).");
        }
    }

    /** {@code path} with this period and these filters, plus extra name/value pairs (null values are left out). */
    public String link(String path, Object... extra) {
        return link(path, period, extra);
    }

    public String link(String path, Period p, Object... extra) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path)
                .queryParam("from", p.from()).queryParam("to", p.to());
        add(b, "region", filter.region());
        add(b, "partner", filter.partnerId());
        add(b, "family", filter.family());
        add(b, "channel", filter.channel());
        for (int i = 0; i + 1 < extra.length; i += 2) {
            add(b, String.valueOf(extra[i]), extra[i + 1]);
        }
        return b.encode().build().toUriString();
    }

    /** The same filters for the calendar month {@code m} (trend table rows link to their month). */
    public String monthLink(String path, YearMonth m, Object... extra) {
        return link(path, Period.month(m), extra);
    }

    public String pageBase(String path, Object... extra) {
        String url = link(path, extra);
        return url + (url.contains("?") ? "&" : "?");
    }

    private static void add(UriComponentsBuilder b, String name, Object value) {
        if (value != null && !String.valueOf(value).isBlank()) {
            b.queryParam(name, value instanceof Enum<?> e ? e.name() : value);
        }
    }
}
