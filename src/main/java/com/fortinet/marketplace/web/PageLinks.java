package com.fortinet.marketplace.web;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.Map;

/** Builds list URLs that keep the current filters when paging or sorting. */
public final class PageLinks {

    private PageLinks() {
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
