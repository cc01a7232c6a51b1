package com.fortinet.marketplace.support;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A browser-like HTTP session (cookies, CSRF token from the page) for page tests over real HTTP. */
public class WebSession {

    private final HttpClient http;
    private final String base;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private String csrf;

    public WebSession(int port) {
        this(HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build(), port);
    }

    private WebSession(HttpClient http, int port) {
        this.base = "http://localhost:" + port;
        this.http = http;
    }

    /** The same browser (cookies, so the same session) talking to another instance of the portal. */
    public WebSession on(int otherPort) {
        WebSession other = new WebSession(http, otherPort);
        other.csrf = csrf;
        return other;
    }

    public static WebSession signedIn(int port, String email) {
        return signedIn(port, email, "demo");
    }

    public static WebSession signedIn(int port, String email, String password) {
        WebSession s = new WebSession(port);
        Page r = s.signIn(email, password);
        if (r.status() != 302 || r.location().contains("error")) {
            throw new IllegalStateException("Sign-in of " + email + " failed: " + r.location());
        }
        return s;
    }

    public Page signIn(String email, String password) {
        get("/login");
        return post("/login", Map.of("username", email, "password", password));
    }

    public Page get(String path) {
        return get(path, Map.of());
    }

    /** A GET with extra headers, e.g. {@code HX-Request: true} as htmx sends it. */
    public Page get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        Page page = send(request.build());
        String token = csrfTokenOf(page.body());
        if (token != null) {
            csrf = token;
        }
        return page;
    }

    /**
     * The hidden {@code _csrf} input Spring Security adds to every form (each signed-in page has the sign-out form,
     * the sign-in page its own), read from the parsed page so attribute order, quoting and escaping don't matter.
     */
    private static String csrfTokenOf(String html) {
        if (!html.contains("_csrf")) {
            return null; // CSV, JSON, fragments without a form: nothing to parse
        }
        Element input = Jsoup.parse(html).selectFirst("input[name=_csrf][value]");
        return input == null || input.attr("value").isEmpty() ? null : input.attr("value");
    }

    /** Posts a form with the session's CSRF token, as the page's own form would. */
    public Page post(String path, Map<String, String> form) {
        return post(path, form, Map.of());
    }

    /** A form post with extra headers, e.g. {@code HX-Request: true} as htmx sends it. */
    public Page post(String path, Map<String, String> form, Map<String, String> headers) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        if (csrf != null) {
            withToken.putIfAbsent("_csrf", csrf);
        }
        return postRaw(path, withToken, headers);
    }

    /** Posts exactly these fields: no CSRF token unless given. */
    public Page postRaw(String path, Map<String, String> form) {
        return postRaw(path, form, Map.of());
    }

    private Page postRaw(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Posts fields that may repeat (checkboxes), with the session's CSRF token, as a page's form would. */
    public Page postForm(String path, java.util.List<Map.Entry<String, String>> fields) {
        java.util.List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        if (csrf != null && fields.stream().noneMatch(e -> e.getKey().equals("_csrf"))) {
            all.add(Map.entry("_csrf", csrf));
        }
        String body = all.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A GET as htmx sends it (HX-Request header), for the fragments the pages swap in. */
    public Page getHx(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET().build());
    }

    /**
     * Sends {@code name: value} with every request from now on, e.g. {@code X-Forwarded-For} as a TLS-terminating proxy
     * in front of the portal would (the test profile honours forwarded headers from 127.0.0.1).
     */
    public WebSession withHeader(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public String csrfToken() {
        return csrf;
    }

    private Page send(HttpRequest request) {
        if (!extraHeaders.isEmpty()) {
            HttpRequest.Builder b = HttpRequest.newBuilder(request, (n, v) -> true);
            extraHeaders.forEach(b::setHeader);
            request = b.build();
        }
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(""), r.body(),
                    r.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public record Page(int status, String location, String body, Map<String, java.util.List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }
}
