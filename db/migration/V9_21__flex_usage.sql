-- FortiFlex daily consumption (DESIGN §4.4). The daily job writes each finished business day of each program once:
-- flex_usage_days is its record and its guard (primary key (program_id, day): a day is written once, whichever
-- instance or thread gets there first); flex_usage holds what each entitlement was charged that day and for which
-- configuration. For a prepaid program the day's total is also one USAGE row of the FortiFlex ledger
-- (ledger_entry_id); a day that cost nothing has no ledger row. Both tables are billing records: append-only.

CREATE TABLE flex_usage_days (
    program_id      BIGINT         NOT NULL,
    day             DATE           NOT NULL,
    -- Σ flex_usage.points of the program that day
    points          DECIMAL(19, 2) NOT NULL,
    entitlements    INT            NOT NULL,
    ledger_entry_id BIGINT         NULL,
    created_at      TIMESTAMP(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (program_id, day),
    UNIQUE KEY uk_flex_usage_days_ledger (ledger_entry_id),
    CONSTRAINT fk_flex_usage_days_program FOREIGN KEY (program_id) REFERENCES flex_programs (id),
    CONSTRAINT fk_flex_usage_days_ledger FOREIGN KEY (ledger_entry_id) REFERENCES flex_ledger (id),
    CONSTRAINT ck_flex_usage_days_points CHECK (points >= 0 AND entitlements >= 0)
) ENGINE = InnoDB;

-- One row per entitlement and day it was charged (days it cost nothing have no row).
CREATE TABLE flex_usage (
    entitlement_id BIGINT         NOT NULL,
    day            DATE           NOT NULL,
    program_id     BIGINT         NOT NULL,
    config_id      BIGINT         NOT NULL,
    points         DECIMAL(19, 2) NOT NULL,
    PRIMARY KEY (entitlement_id, day),
    -- usage pages and statements read a program's days; the invariants sum a day
    KEY ix_flex_usage_program_day (program_id, day),
    CONSTRAINT fk_flex_usage_day FOREIGN KEY (program_id, day) REFERENCES flex_usage_days (program_id, day),
    CONSTRAINT fk_flex_usage_entitlement FOREIGN KEY (entitlement_id) REFERENCES flex_entitlements (id),
    CONSTRAINT fk_flex_usage_config FOREIGN KEY (config_id) REFERENCES flex_configs (id),
    CONSTRAINT ck_flex_usage_points CHECK (points >= 0)
) ENGINE = InnoDB;

-- Prepaid overage (DESIGN §4.4): daily usage may take the balance below zero. The database no longer refuses a
-- negative balance_after; the portal still lets only USAGE rows lower a balance below zero (flex.FlexLedger).
ALTER TABLE flex_ledger DROP CONSTRAINT ck_flex_ledger_balance;

CREATE TRIGGER flex_usage_days_append_only_update BEFORE UPDATE ON flex_usage_days FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'flex_usage_days is append-only: rows are never updated or deleted';
CREATE TRIGGER flex_usage_days_append_only_delete BEFORE DELETE ON flex_usage_days FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'flex_usage_days is append-only: rows are never updated or deleted';
CREATE TRIGGER flex_usage_append_only_update BEFORE UPDATE ON flex_usage FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'flex_usage is append-only: rows are never updated or deleted';
CREATE TRIGGER flex_usage_append_only_delete BEFORE DELETE ON flex_usage FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'flex_usage is append-only: rows are never updated or deleted';
