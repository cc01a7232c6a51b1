package com.fortinet.marketplace.security;

import com.fortinet.marketplace.accounts.UserAccessChanged;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a user's sessions (DESIGN §9). Sessions live in the database (Spring Session JDBC), indexed by principal name
 * (the e-mail), so "every session of this user" is one lookup and ending them holds on every instance at once: the
 * next request of an ended session finds no session and is sent to sign in; nothing it sends is acted on.
 * <p>
 * Triggers: the user is disabled, their password is changed or reset, their role, permission or account changes
 * ({@link UserAccessChanged}, after the change is committed), and signing out ({@link #endAll}). When the person who
 * made the change is that user (changing their own password), the session they made it from stays signed in.
 */
@Component
public class UserSessions {

    private static final Logger log = LoggerFactory.getLogger(UserSessions.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    public UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onAccessChanged(UserAccessChanged change) {
        String keep = ownCurrentSession(change.userId());
        int ended = endSessions(change.email(), keep);
        if (ended > 0) {
            log.info("Ended {} session(s) of user {} ({})", ended, change.userId(), change.reason());
        }
    }

    /** Signing out ends every session of the user, on every device and instance. */
    public int endAll(String email) {
        return endSessions(email, null);
    }

    /** Ends the user's sessions except {@code keepSessionId} (null: all); returns how many were ended. */
    public int endSessions(String email, String keepSessionId) {
        if (email == null || email.isBlank()) {
            return 0;
        }
        int ended = 0;
        for (String id : sessions.findByPrincipalName(email).keySet()) {
            if (!id.equals(keepSessionId)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    /** The id of the session this request runs in, when its signed-in user is {@code userId}; otherwise null. */
    private static String ownCurrentSession(long userId) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof PortalUser me) || me.userId() != userId) {
            return null;
        }
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return null;
        }
        HttpServletRequest request = attributes.getRequest();
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
