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
        int status = code instanceof Integer i ? i : 500;
        HttpStatus resolved = HttpStatus.resolve(status);
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (uri.startsWith(request.getContextPath() + "/api/") || uri.startsWith(request.getContextPath() + "/ES/api/")) {
            problems.write(request, response, status, resolved == null ? "Error" : resolved.getReasonPhrase(),
                    switch (status) {
                        case 404 -> "No such resource.";
                        case 405 -> "This method is not supported here.";
                        default -> status >= 500 ? "Something went wrong on our side; nothing was changed." : null;
                    });
            return null;
        }
        response.setStatus(status);
        model.addAttribute("status", status);
        return switch (status) {
            case 403 -> "error/403";
            case 404 -> "error/404";
            default -> status >= 500 ? "error/500" : "error/general";
        };
    }
}
