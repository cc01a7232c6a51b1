-- FortiFlex: programs (at most one per account), each prepaid program's own points ledger, FortiPoints → FortiFlex
-- transfers and the roll-overs done at anniversaries.

CREATE TABLE flex_programs (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    account_id    BIGINT       NOT NULL,
    type          VARCHAR(8)   NOT NULL,
    serial_number VARCHAR(16)  NOT NULL,
    start_date    DATE         NOT NULL,
    end_date      DATE         NOT NULL,
    created_by    BIGINT       NULL,
    created_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    -- an account holds at most one FortiFlex program
    UNIQUE KEY uk_flex_programs_account (account_id),
    UNIQUE KEY uk_flex_programs_serial (serial_number),
    -- the roll-over job looks for prepaid programs past their first anniversary
    KEY ix_flex_programs_type_start (type, start_date),
    CONSTRAINT fk_flex_programs_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_flex_programs_created_by FOREIGN KEY (created_by) REFERENCES users (id),
    CONSTRAINT ck_flex_programs_type CHECK (type IN ('PREPAID', 'POSTPAID')),
    CONSTRAINT ck_flex_programs_serial CHECK (serial_number REGEXP '^ELAVM[RS][0-9]{10}$'),
    CONSTRAINT ck_flex_programs_dates CHECK (end_date > start_date)
) ENGINE = InnoDB;

CREATE TABLE flex_transfers (
    id                      BIGINT       NOT NULL AUTO_INCREMENT,
    account_id              BIGINT       NOT NULL,
    program_id              BIGINT       NOT NULL,
    forti_points_spent      BIGINT       NOT NULL,
    flex_points_acquired    BIGINT       NOT NULL,
    rate                    INT          NOT NULL,
    -- the anniversary that followed the transfer (shown in History with the transfer)
    anniversary_date        DATE         NOT NULL,
    idempotency_key         VARCHAR(100) NOT NULL,
    -- the FortiPoints debit (points ledger row of kind FLEX_TRANSFER); the FortiFlex credit points back here
    points_ledger_entry_id  BIGINT       NOT NULL,
    created_by              BIGINT       NOT NULL,
    created_at              TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_flex_transfers_key (account_id, idempotency_key),
    KEY ix_flex_transfers_account (account_id, created_at),
    KEY ix_flex_transfers_program (program_id, created_at),
    CONSTRAINT fk_flex_transfers_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_flex_transfers_program FOREIGN KEY (program_id) REFERENCES flex_programs (id),
    CONSTRAINT fk_flex_transfers_user FOREIGN KEY (created_by) REFERENCES users (id),
    CONSTRAINT ck_flex_transfers_points CHECK (forti_points_spent >= 1 AND flex_points_acquired >= 1 AND rate >= 1)
) ENGINE = InnoDB;

-- Append-only, like the FortiPoints ledger: rows are never updated or deleted. points is the signed change
-- (TRANSFER_IN +, USAGE −, FORFEIT −, ROLL_OVER 0: it records what was carried into the new program year);
-- balance_after is the program's FortiFlex balance after the row. effective_date is the business date the row
-- belongs to (the program year of a row is decided by it).
CREATE TABLE flex_ledger (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    program_id     BIGINT       NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    points         BIGINT       NOT NULL,
    balance_after  BIGINT       NOT NULL,
    effective_date DATE         NOT NULL,
    description    VARCHAR(300) NOT NULL,
    transfer_id    BIGINT       NULL,
    created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    -- the program page lists the ledger newest first; the roll-over sums a program year
    KEY ix_flex_ledger_program (program_id, id),
    KEY ix_flex_ledger_program_date (program_id, effective_date, kind),
    CONSTRAINT fk_flex_ledger_program FOREIGN KEY (program_id) REFERENCES flex_programs (id),
    CONSTRAINT fk_flex_ledger_transfer FOREIGN KEY (transfer_id) REFERENCES flex_transfers (id),
    CONSTRAINT ck_flex_ledger_kind CHECK (kind IN ('TRANSFER_IN', 'USAGE', 'ROLL_OVER', 'FORFEIT')),
    CONSTRAINT ck_flex_ledger_sign CHECK ((kind = 'TRANSFER_IN' AND points > 0) OR (kind IN ('USAGE', 'FORFEIT') AND points < 0)
                                         OR (kind = 'ROLL_OVER' AND points = 0)),
    CONSTRAINT ck_flex_ledger_balance CHECK (balance_after >= 0)
) ENGINE = InnoDB;

-- One row per program and anniversary: the roll-over job's record of what it did, and its guard against doing it
-- twice (the primary key).
CREATE TABLE flex_rollovers (
    program_id                  BIGINT       NOT NULL,
    anniversary                 DATE         NOT NULL,
    unused_added_before_day_180 BIGINT       NOT NULL,
    unused_added_from_day_180   BIGINT       NOT NULL,
    rolled_over                 BIGINT       NOT NULL,
    forfeited                   BIGINT       NOT NULL,
    created_at                  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (program_id, anniversary),
    CONSTRAINT fk_flex_rollovers_program FOREIGN KEY (program_id) REFERENCES flex_programs (id)
) ENGINE = InnoDB;
