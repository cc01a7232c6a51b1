package com.fortinet.marketplace.accounts;

import com.fortinet.marketplace.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashSet;
import java.util.Set;

/**
 * The one lock on an account: SELECT … FOR UPDATE on its accounts row. Every writer of an account's money or
 * contracts (points spending and packs, orders, PO renewals, FortiFlex transfers, the expiry job) queues here, so
 * two requests for one account take turns and each sees what the other wrote.
 */
@Component
public class AccountLock {

    private final JdbcTemplate jdbc;

    public AccountLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Held until the caller's transaction ends; an unknown account is a 404. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(long accountId) {
        // A transfer locks the account and then spends through the spending service, which locks it too: the second
        // call would only ask InnoDB for a lock this transaction already holds.
        Set<Long> held = heldInThisTransaction();
        if (held.contains(accountId)) {
            return;
        }
        if (jdbc.queryForList("select id from accounts where id = ? for update", Long.class, accountId).isEmpty()) {
            throw new NotFoundException("Account " + accountId + " was not found.");
        }
        held.add(accountId);
    }

    /**
     * Kept as a synchronization of the transaction, not a bound resource: a REQUIRES_NEW transaction suspends the
     * outer one's synchronizations, so it starts with none held.
     */
    private static Set<Long> heldInThisTransaction() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof HeldLocks h) {
                return h.accountIds;
            }
        }
        HeldLocks h = new HeldLocks();
        TransactionSynchronizationManager.registerSynchronization(h);
        return h.accountIds;
    }

    private static final class HeldLocks implements TransactionSynchronization {
        final Set<Long> accountIds = new HashSet<>();
    }

    /**
     * Two accounts (a partner paying for its customer's order) are locked in id order, so two requests locking the
     * same pair can't deadlock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockBoth(long oneAccountId, long otherAccountId) {
        lock(Math.min(oneAccountId, otherAccountId));
        if (oneAccountId != otherAccountId) {
            lock(Math.max(oneAccountId, otherAccountId));
        }
    }
}
