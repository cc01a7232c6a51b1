package com.fortinet.marketplace.database;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Spring Session JDBC without the per-request writes that carry no information (issue 13). Sessions still live in the
 * database, shared by every instance; what a request changes (attributes, a new id, the timeout, a new or deleted
 * session) is written exactly as before. Three things are left out:
 * <ul>
 *   <li>A request that only <em>touched</em> the session (every page view sets its last-access time) used to UPDATE
 *   the session row each time. Now the last-access time is written when it has moved by {@link #TOUCH_INTERVAL} or
 *   more, so an idle session may expire up to a minute before its 8 hours are over, never later.</li>
 *   <li>Spring Session reads a session inside a transaction of its own, for one SELECT: three more round trips
 *   (SET autocommit=0, COMMIT, SET autocommit=1) on every request. The read runs on its own now
 *   ({@link #reading()}, {@link SessionStoreConfig}); writes keep their transaction.</li>
 *   <li>{@code SessionRepositoryFilter} reads the session it has just saved once more, to decide whether to send the
 *   cookie again (spring-session#1731). That second SELECT is answered with the session this thread has just saved;
 *   {@link #forgetSaved()} drops it at the end of every request ({@link SessionStoreConfig}), so nothing outlives its
 *   request.</li>
 * </ul>
 * The principal index is the JDBC repository's own, so finding and deleting a user's sessions works as before.
 */
public final class LeanSessionRepository implements FindByIndexNameSessionRepository<LeanSessionRepository.LeanSession> {

    /** The last-access time is written at most this often for a session nothing else changed in. */
    public static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private static final ThreadLocal<LeanSession> SAVED = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<Session> delegate;

    @SuppressWarnings("unchecked")
    public LeanSessionRepository(FindByIndexNameSessionRepository<? extends Session> delegate) {
        this.delegate = (FindByIndexNameSessionRepository<Session>) delegate;
    }

    @Override
    public LeanSession createSession() {
        return new LeanSession(delegate.createSession(), true);
    }

    @Override
    public void save(LeanSession session) {
        if (session.needsWrite()) {
            delegate.save(session.stored);
            session.written();
        }
        SAVED.set(session);
    }

    @Override
    public LeanSession findById(String id) {
        LeanSession saved = SAVED.get();
        SAVED.remove();
        if (saved != null && saved.getId().equals(id) && !saved.isExpired()) {
            return saved; // the re-read right after this thread saved it: nothing newer can come from the database
        }
        Session found;
        READING.set(Boolean.TRUE);
        try {
            found = delegate.findById(id);
        } finally {
            READING.remove();
        }
        return found == null ? null : new LeanSession(found, false);
    }

    @Override
    public void deleteById(String id) {
        SAVED.remove();
        delegate.deleteById(id);
    }

    @Override
    public Map<String, LeanSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, LeanSession> result = new LinkedHashMap<>();
        delegate.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, s) -> result.put(id, new LeanSession(s, false)));
        return result;
    }

    /**
     * True while this thread looks a session up by id: one SELECT, which needs no transaction around it (an expired
     * session found there is deleted by one DELETE, its attributes by the foreign key's cascade).
     */
    static boolean reading() {
        return READING.get() != null;
    }

    /** End of a request: the saved session is not kept for the next request this thread serves. */
    static void forgetSaved() {
        SAVED.remove();
    }

    /** The stored session, plus whether anything but the last-access time changed since it was read or written. */
    public static final class LeanSession implements Session {

        private final Session stored;
        private boolean changed;
        private Instant writtenAccess;

        LeanSession(Session stored, boolean isNew) {
            this.stored = stored;
            this.changed = isNew;
            this.writtenAccess = stored.getLastAccessedTime();
        }

        boolean needsWrite() {
            return changed || !stored.getLastAccessedTime().isBefore(writtenAccess.plus(TOUCH_INTERVAL));
        }

        void written() {
            changed = false;
            writtenAccess = stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, Object value) {
            changed = true;
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            changed = true;
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            if (!interval.equals(stored.getMaxInactiveInterval())) {
                changed = true;
            }
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
