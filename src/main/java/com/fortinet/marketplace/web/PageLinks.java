package com.fortinet.marketplace.web;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.Map;

/** Builds list URLs that keep the current filters when paging or sorting. */
public final class PageLinks {

    /** Beyond any list the portal shows; a higher ?page= (e.g. 2147483647) shows the empty page after the last. */
    public static final int MAX_PAGE = 1_000_000;

    private PageLinks() {
    }

    /**
     * The page number to query: {@code ?page=-1} is the first page and {@code ?page=2147483647} is capped, so the
     * offset (page × size) never overflows the database query's int offset (that was a 500).
     */
    public static int page(int requested) {
        return Math.min(Math.max(requested, 0), MAX_PAGE);
    }

    /** A base URL ending so that {@code page=N} can be appended. */
    public static String base(String path, Map<String, ?> params) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        params.forEach((k, v) -> {
            if (v != null && !String.valueOf(v).isBlank()) {
                b.queryParam(k, v);
            }
        });
        String url = b.encode().build().toUriString();
        return url + (url.contains("?") ? "&" : "?");
    }
}
