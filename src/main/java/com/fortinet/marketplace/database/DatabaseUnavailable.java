package com.fortinet.marketplace.database;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells "the database can't be reached" (stopped, restarting, network, pool timed out waiting for a connection) from
 * every other failure, whatever layer wrapped it: such requests answer 503 with Retry-After instead of 500, and the
 * portal recovers by itself when the database is back (the pool reconnects).
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 10;

    public static final String TITLE = "Service unavailable";
    public static final String DETAIL = "The portal can't reach its database right now; nothing was changed. "
            + "Try again in a moment.";

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true; // SQL state class 08: connection exception
            }
            if (t instanceof org.hibernate.TransactionException && t.getCause() instanceof SQLException s
                    && (s.getSQLState() == null || s.getSQLState().startsWith("08"))) {
                // A rollback (or commit) that fails on a connection the pool has already closed after a
                // communications failure: this exception replaces the original connection error, and the pool's
                // "Connection is closed" carries no SQL state. A deadlock at commit (40001) is not this.
                return true;
            }
        }
        return false;
    }
}
