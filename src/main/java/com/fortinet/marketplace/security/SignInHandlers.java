package com.fortinet.marketplace.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** Counts failed sign-ins and tells the login page why it failed. */
@Component
public class SignInHandlers {

    private final LoginAttempts attempts;

    public SignInHandlers(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    public AuthenticationFailureHandler failure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            String email = request.getParameter("username");
            String reason;
            if (e instanceof LockedException || attempts.lockedUntil(email).isPresent()) {
                reason = "locked";
            } else if (e instanceof DisabledException) {
                reason = "disabled";
            } else {
                attempts.recordFailure(email);
                reason = attempts.lockedUntil(email).isPresent() ? "locked" : "bad";
            }
            request.getSession().setAttribute("LOGIN_EMAIL", email);
            response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
        };
    }

    public SavedRequestAwareAuthenticationSuccessHandler success() {
        SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws IOException, jakarta.servlet.ServletException {
                attempts.reset(authentication.getName());
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/");
        return handler;
    }
}
