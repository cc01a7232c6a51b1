package com.fortinet.marketplace.layout;

import com.fortinet.marketplace.security.ProblemWriter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;

/**
 * Errors that escape controllers (unknown URLs, filters, uncaught exceptions): a problem document under /api,
 * a styled page elsewhere. Never a stack trace.
 */
@Controller
public class PortalErrorController implements ErrorController {

    private final ProblemWriter problems;

    public PortalErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    public String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // GET /error typed by hand is no error at all: there is no such page.
        int status = code instanceof Integer i ? i : 404;
        HttpStatus resolved = HttpStatus.resolve(status);
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (uri.startsWith(request.getContextPath() + "/api/") || uri.startsWith(request.getContextPath() + "/ES/api/")) {
            problems.write(request, response, status, resolved == null ? "Error" : resolved.getReasonPhrase(),
                    detail(status));
            return null;
        }
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("detail", detail(status));
        return switch (status) {
            case 403 -> "error/403";
            case 404 -> "error/404";
            default -> status >= 500 ? "error/500" : "error/general";
        };
    }

    /** Every problem says what went wrong, whatever sent the request here (Tomcat, a filter, the firewall). */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed (for example ';', an encoded '/' or '\\', or a NUL in the path, or a "
                    + "malformed parameter) and was not acted on.";
            case 401 -> "Sign in, or send an API key as 'Authorization: Bearer <key>'.";
            case 403 -> "This request is not allowed.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not supported here.";
            case 413 -> "The request is too large.";
            case 414 -> "The URL is too long.";
            case 415 -> "This content type is not supported here.";
            case 431 -> "The request headers are too large.";
            default -> status >= 500 ? "Something went wrong on our side; nothing was changed."
                    : "The request was not acted on.";
        };
    }
}
