package com.fortinet.marketplace.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.session.InvalidSessionStrategy;

import java.io.IOException;

/**
 * A request that carries a session which no longer exists (signed out elsewhere, disabled, password changed or reset,
 * access changed, or 8 hours idle) goes to the sign-in page, which says the session ended; a form it posts is not
 * acted on. htmx requests get {@code HX-Redirect} so the whole page goes to sign-in instead of a fragment being
 * swapped for the sign-in form.
 */
class EndedSessionStrategy implements InvalidSessionStrategy {

    static final String TARGET = "/login?expired";

    @Override
    public void onInvalidSessionDetected(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestedSessionId() != null && request.isRequestedSessionIdValid()) {
            // Spring Security also calls this for a form without a stored CSRF token; in a live session that is a
            // forged or stale form, refused as before (403).
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        // A fresh session, so the sign-in page's CSRF token has somewhere to live and the next request isn't sent here again.
        request.getSession(true);
        String target = request.getContextPath() + TARGET;
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", target);
            return;
        }
        response.sendRedirect(target);
    }
}
