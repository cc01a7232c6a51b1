package com.fortinet.marketplace.security;

import com.fortinet.marketplace.web.Formats;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    private final LoginAttempts attempts;

    LoginController(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, HttpSession session, HttpServletRequest request,
                 Model model) {
        Object email = session.getAttribute(SignInHandlers.LOGIN_EMAIL);
        model.addAttribute("email", email == null ? "" : email);
        if (error != null) {
            String address = request.getRemoteAddr();
            String message = switch (error) {
                case "locked" -> attempts.lockedUntil(address, String.valueOf(email))
                        .map(l -> "Too many failed sign-ins: this e-mail is locked for 15 minutes, until "
                                + Formats.timeOfDay(l.until()) + ", for sign-ins from your network. Try again then, or "
                                + "ask your administrator to reset your password.")
                        .orElse("Too many failed sign-ins: this e-mail is locked for 15 minutes.");
                case "busy" -> attempts.lockedUntil(address, String.valueOf(email))
                        .map(l -> "Too many failed sign-ins from your network: try again after "
                                + Formats.timeOfDay(l.until()) + ".")
                        .orElse("Too many failed sign-ins from your network: try again in 15 minutes.");
                case "disabled" -> "This user is disabled. Ask your administrator.";
                default -> "E-mail or password is not correct. After " + LoginAttempts.MAX_FAILURES
                        + " failed attempts the e-mail is locked for 15 minutes.";
            };
            model.addAttribute("error", message);
        }
        return "auth/login";
    }
}
