package com.fortinet.marketplace.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** Counts failed sign-ins and tells the login page why it failed. */
@Component
public class SignInHandlers {

    static final String LOGIN_EMAIL = "LOGIN_EMAIL";

    private final LoginAttempts attempts;

    public SignInHandlers(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    public AuthenticationFailureHandler failure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String email = request.getParameter("username");
            String address = request.getRemoteAddr();
            String reason;
            if (e instanceof DisabledException) {
                // Only after the right password (the provider checks "disabled" after it), so a wrong password on a
                // disabled user says what it says for anyone: e-mail or password not correct.
                reason = "disabled";
            } else {
                attempts.recordFailure(address, email);
                reason = attempts.lockedUntil(address, email)
                        .map(l -> l.kind() == LoginAttempts.Lock.ADDRESS ? "busy" : "locked").orElse("bad");
            }
            request.getSession().setAttribute(LOGIN_EMAIL, email);
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }

    public SavedRequestAwareAuthenticationSuccessHandler success() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws IOException, jakarta.servlet.ServletException {
                attempts.reset(request.getRemoteAddr(), request.getParameter("username"));
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/");
        // The page asked for before signing in was saved with the scheme and host of that request (the Host header);
        // only its path and query are followed, so the portal never redirects to a host it doesn't own.
        handler.setRedirectStrategy((request, response, url) -> response.sendRedirect(response.encodeRedirectURL(pathOf(url))));
        return handler;
    }

    /** "http://evil.example/accounts?x=1" → "/accounts?x=1"; a path stays as it is. */
    static String pathOf(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url);
            if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
                return url;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
