package com.fortinet.marketplace.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Write transactions that never surface a lock conflict between independent requests as an error (DESIGN §9): READ
 * COMMITTED (the isolation of every write path), and when MariaDB/MySQL picks this transaction as a deadlock victim
 * or a lock wait times out, the whole transaction is rolled back and run again, a few times, after a short random
 * pause. Only the outermost call retries: inside a transaction someone else started, the work simply joins it (the
 * owner of that transaction retries, since a statement can't be retried on its own).
 */
@Component
public class Transactions {

    /** Deadlocks are detected at once, so a few quick retries are cheap; a lock wait timeout already waited long. */
    static final int DEADLOCK_ATTEMPTS = 6;
    static final int LOCK_WAIT_ATTEMPTS = 2;
    private static final Logger log = LoggerFactory.getLogger(Transactions.class);
    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final int ER_LOCK_DEADLOCK = 1213;

    private static final AtomicLong RETRIES = new AtomicLong();

    private final TransactionTemplate tx;

    public Transactions(PlatformTransactionManager transactionManager) {
        this.tx = new TransactionTemplate(transactionManager);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    public <T> T inTransaction(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> work.get());
            } catch (RuntimeException e) {
                int attempts = isLockWaitTimeout(e) ? LOCK_WAIT_ATTEMPTS : DEADLOCK_ATTEMPTS;
                if (!isLockConflict(e) || attempt >= attempts) {
                    if (isLockConflict(e)) {
                        log.warn("Lock conflict persisted after {} attempts: {}", attempt, e.getMessage());
                    }
                    throw e;
                }
                RETRIES.incrementAndGet();
                log.debug("Lock conflict (attempt {}), running the transaction again: {}", attempt, e.getMessage());
                pause(attempt);
            }
        }
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** Transactions run again after a lock conflict since the JVM started (tests and load runs report it). */
    public static long retries() {
        return RETRIES.get();
    }

    /** A deadlock or lock wait timeout anywhere in the cause chain (JDBC, JPA or already translated by Spring). */
    static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (t instanceof SQLException s && (s.getErrorCode() == ER_LOCK_DEADLOCK || s.getErrorCode() == ER_LOCK_WAIT_TIMEOUT)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isLockWaitTimeout(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == ER_LOCK_WAIT_TIMEOUT) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L * attempt));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a transaction", ie);
        }
    }
}
