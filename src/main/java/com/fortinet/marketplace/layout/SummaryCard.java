package com.fortinet.marketplace.layout;

/**
 * One figure on a home page: what it is, the figure, a line explaining it and where to act on it. {@code level}
 * colours the card ("ok", "warn", "err" or "" for neutral).
 */
public record SummaryCard(int order, String title, String value, String note, String href, String level) {

    public static SummaryCard of(int order, String title, String value, String note, String href) {
        return new SummaryCard(order, title, value, note, href, "");
    }

    public SummaryCard level(String l) {
        return new SummaryCard(order, title, value, note, href, l == null ? "" : l);
    }
}
