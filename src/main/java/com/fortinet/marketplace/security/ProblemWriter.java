package com.fortinet.marketplace.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;

/** Writes RFC 9457 problems from filters, where no controller advice runs. */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(title);
        problem.setDetail(detail);
        problem.setInstance(instance(request));
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
    }

    /** The path the client asked for: on an error dispatch that is the original request's, not "/error". */
    static URI instance(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String s && !s.isEmpty() ? s : request.getRequestURI();
        try {
            return URI.create(path);
        } catch (IllegalArgumentException e) {
            // A path Tomcat let through but java.net.URI refuses: name it without the odd characters.
            return URI.create(path.replaceAll("[^A-Za-z0-9/._~-]", "_"));
        }
    }
}
