package com.fortinet.marketplace.flex;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the entitlements' listener in tests: records every program-dates event and whether it arrived inside
 * the transaction that changed the program (so a listener's writes commit or roll back with it).
 */
@Component
class RecordedProgramChanges {

    record Seen(FlexProgramDatesChanged event, boolean inTransaction) {
    }

    final List<Seen> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(FlexProgramDatesChanged event) {
        seen.add(new Seen(event, TransactionSynchronizationManager.isActualTransactionActive()));
    }

    List<Seen> of(long programId) {
        return seen.stream().filter(s -> s.event().programId() == programId).toList();
    }
}
