package com.fortinet.marketplace.security;

import com.fortinet.marketplace.support.PortalTest;
import com.fortinet.marketplace.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 item 7: behind a TLS-terminating proxy (the test profile honours X-Forwarded-* from 127.0.0.1, as README
 * documents for production) the session cookie is Secure and pages send HSTS on https; redirects never name a host
 * the client made up.
 */
@PortalTest
class BehindProxyTest {

    @LocalServerPort int port;

    @Test
    void overHttpsTheSessionCookieIsSecureAndPagesSendHsts() {
        WebSession https = new WebSession(port).withHeader("X-Forwarded-Proto", "https");
        var login = https.get("/login");
        assertThat(login.header("Strict-Transport-Security")).contains("max-age=");
        var signedIn = https.signIn("alice@acme.demo.test", "demo");
        assertThat(signedIn.header("Set-Cookie")).contains("SESSION=").containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
        assertThat(signedIn.location()).doesNotStartWith("http:");
    }

    @Test
    void overPlainHttpNeitherIsClaimed() {
        WebSession http = new WebSession(port);
        var login = http.get("/login");
        assertThat(login.header("Strict-Transport-Security")).isNull();
        var signedIn = http.signIn("alice@acme.demo.test", "demo");
        assertThat(signedIn.header("Set-Cookie")).contains("SESSION=").doesNotContainIgnoringCase("Secure");
    }

    @Test
    void redirectsNeverNameTheHostTheClientSent() throws Exception {
        for (String extra : List.of("", "X-Forwarded-Host: evil.example\r\n")) {
            List<String> head = raw("GET /accounts HTTP/1.1\r\nHost: evil.example\r\n" + extra + "Connection: close\r\n\r\n");
            assertThat(head.get(0)).contains(" 302 ");
            String location = head.stream().filter(h -> h.regionMatches(true, 0, "Location:", 0, 9)).findFirst().orElseThrow();
            assertThat(location).doesNotContain("evil").endsWith("/login");
        }
        List<String> logout = raw("GET /login?signedOut HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(String.join("\n", logout)).doesNotContain("evil.example");
    }

    @Test
    void afterSigningInThePageAskedForIsAPathNotAHost() throws Exception {
        WebSession s = new WebSession(port);
        var first = s.get("/profile");
        assertThat(first.location()).isEqualTo("/login");
        var signedIn = s.signIn("alice@acme.demo.test", "demo");
        assertThat(signedIn.location()).startsWith("/profile");
        assertThat(SignInHandlers.pathOf("http://evil.example/profile?x=1")).isEqualTo("/profile?x=1");
        assertThat(SignInHandlers.pathOf("//evil.example/x")).isEqualTo("/x");
        assertThat(SignInHandlers.pathOf("/accounts")).isEqualTo("/accounts");
    }

    /** The status line and headers of a request sent as written (java.net.http won't send a made-up Host). */
    private List<String> raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line);
            }
            return head;
        }
    }
}
