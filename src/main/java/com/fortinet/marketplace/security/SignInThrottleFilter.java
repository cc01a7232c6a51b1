package com.fortinet.marketplace.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Stops a sign-in before the password is even checked while its address, or its address and e-mail, are locked
 * ({@link LoginAttempts}): a locked attempt tells nothing about the password and costs no bcrypt.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final LoginAttempts attempts;

    SignInThrottleFilter(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = request.getParameter("username");
        var locked = attempts.lockedUntil(request.getRemoteAddr(), email);
        if (locked.isPresent()) {
            request.getSession().setAttribute(SignInHandlers.LOGIN_EMAIL, email);
            response.sendRedirect(request.getContextPath() + "/login?error="
                    + (locked.get().kind() == LoginAttempts.Lock.ADDRESS ? "busy" : "locked"));
            return;
        }
        chain.doFilter(request, response);
    }
}
