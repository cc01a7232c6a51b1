package com.fortinet.marketplace.web;

import com.fortinet.marketplace.database.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outermost filter: a request that fails because the database can't be reached, wherever it failed (loading
 * the session, checking an API key, a page controller, saving the session), answers 503 with Retry-After — a
 * problem document under /api, the portal's own page elsewhere — instead of a 500 or Tomcat's error page. The page
 * is rendered here, without the layout's model (which needs the database). API controllers answer the same through
 * {@link DatabaseUnavailableAdvice}. The pool gives up waiting for a connection after a few seconds
 * ({@code spring.datasource.hikari.connection-timeout}), so an outage is a quick answer, not a hanging request.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    /** One warning per 10 s of outage is enough; the rest at debug level. */
    private static final long WARN_EVERY_NANOS = 10_000_000_000L;
    private static final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseUnavailable(ITemplateEngine templates, JsonMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (ServletException | IOException | RuntimeException e) {
                    if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                        throw e;
                    }
                    long now = System.nanoTime();
                    long last = lastWarning.get();
                    if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
                        log.warn("Database unavailable, answering 503 (e.g. {} {}): {}", request.getMethod(),
                                request.getRequestURI(), rootMessage(e));
                    } else {
                        log.debug("Database unavailable, {} {} answered 503", request.getMethod(), request.getRequestURI());
                    }
                    unavailable(request, response, templates, json);
                }
            }
        });
        // before Spring Session's filter (it loads and saves the session) and Spring Security's
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("databaseUnavailableFilter");
        return registration;
    }

    static void unavailable(HttpServletRequest request, HttpServletResponse response, ITemplateEngine templates,
                            JsonMapper json) throws IOException {
        response.reset();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        response.setCharacterEncoding("UTF-8");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/ES/api/")) {
            ProblemDetail problem = DatabaseUnavailableAdvice.problem();
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setContentType("application/problem+json");
            response.getWriter().write(json.writeValueAsString(problem));
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, response);
        templates.process("error/503", new WebContext(exchange, request.getLocale(),
                Map.of("retryAfter", DatabaseUnavailable.RETRY_AFTER_SECONDS)), response.getWriter());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
