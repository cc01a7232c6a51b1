-- FortiFlex points carry two decimals (DESIGN §4.1: a FortiGate-VM day costs e.g. 6.39 points). Whole-point columns
-- of the FortiFlex ledger, transfers and roll-overs become DECIMAL(19,2): every existing value converts exactly
-- (1200 → 1200.00), so no balance changes. DECIMAL(19,2) holds every long count of hundredths the portal computes
-- with. The transfer rate may now have two decimals too (FortiFlex points per FortiPoint); FortiPoints stay whole.
-- ALTER ... MODIFY rewrites the table without firing row triggers, so append-only guards on the ledger are unaffected.

ALTER TABLE flex_ledger
    MODIFY points        DECIMAL(19, 2) NOT NULL,
    MODIFY balance_after DECIMAL(19, 2) NOT NULL;

ALTER TABLE flex_transfers
    DROP CONSTRAINT ck_flex_transfers_points;
ALTER TABLE flex_transfers
    MODIFY flex_points_acquired DECIMAL(19, 2) NOT NULL,
    MODIFY rate                 DECIMAL(9, 2)  NOT NULL,
    ADD CONSTRAINT ck_flex_transfers_points CHECK (forti_points_spent >= 1 AND flex_points_acquired > 0 AND rate > 0);

ALTER TABLE flex_rollovers
    MODIFY unused_added_before_day_180 DECIMAL(19, 2) NOT NULL,
    MODIFY unused_added_from_day_180   DECIMAL(19, 2) NOT NULL,
    MODIFY rolled_over                 DECIMAL(19, 2) NOT NULL,
    MODIFY forfeited                   DECIMAL(19, 2) NOT NULL;
