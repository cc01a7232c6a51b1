-- FortiFlex points packs (DESIGN §4.1): SKUs of FortiFlex points sit in the one SKU catalogue with kind FORTIFLEX, so
-- admins issue their registration codes in the same batches as FortiPoints codes. A FortiFlex code registers onto the
-- account's prepaid program (flex_packs, a PACK_IN row in its ledger), never as a FortiPoints pack, and a FortiPoints
-- code never onto a program: the kind of the code's SKU decides.

ALTER TABLE points_skus
    ADD COLUMN kind VARCHAR(12) NOT NULL DEFAULT 'FORTIPOINTS' AFTER points,
    ADD CONSTRAINT ck_points_skus_kind CHECK (kind IN ('FORTIPOINTS', 'FORTIFLEX'));

-- FortiFlex prepaid points are sold in units of 10,000 (seed 004; the administration guide also lists 50,000).
INSERT INTO points_skus (sku, points, kind, description) VALUES
    ('LIC-ELAVM-10K', 10000, 'FORTIFLEX', 'FortiFlex points pack, 10,000 points, for a prepaid (Enterprise) program'),
    ('LIC-ELAVM-50K', 50000, 'FORTIFLEX', 'FortiFlex points pack, 50,000 points, for a prepaid (Enterprise) program');

-- One registered FortiFlex points pack. Never updated or deleted (billing record).
CREATE TABLE flex_packs (
    id              BIGINT         NOT NULL AUTO_INCREMENT,
    account_id      BIGINT         NOT NULL,
    program_id      BIGINT         NOT NULL,
    sku             VARCHAR(40)    NOT NULL,
    points          DECIMAL(19, 2) NOT NULL,
    -- the business date it was registered (the program year it counts in for roll-over)
    registered_on   DATE           NOT NULL,
    idempotency_key VARCHAR(100)   NULL,
    registered_by   BIGINT         NOT NULL,
    created_at      TIMESTAMP(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_flex_packs_key (account_id, idempotency_key),
    KEY ix_flex_packs_program (program_id, id),
    CONSTRAINT fk_flex_packs_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_flex_packs_program FOREIGN KEY (program_id) REFERENCES flex_programs (id),
    CONSTRAINT fk_flex_packs_sku FOREIGN KEY (sku) REFERENCES points_skus (sku),
    CONSTRAINT fk_flex_packs_user FOREIGN KEY (registered_by) REFERENCES users (id),
    CONSTRAINT ck_flex_packs_points CHECK (points > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A code is registered as a FortiPoints pack (pack_id) or as a FortiFlex points pack (flex_pack_id), never both.
ALTER TABLE registration_codes
    ADD COLUMN flex_pack_id BIGINT NULL AFTER pack_id,
    ADD UNIQUE KEY uk_registration_codes_flex_pack (flex_pack_id),
    ADD CONSTRAINT fk_registration_codes_flex_pack FOREIGN KEY (flex_pack_id) REFERENCES flex_packs (id),
    ADD CONSTRAINT ck_registration_codes_one_pack CHECK (pack_id IS NULL OR flex_pack_id IS NULL);

-- PACK_IN (+): a FortiFlex points pack credited to the program; it counts for roll-over like a transfer.
ALTER TABLE flex_ledger
    DROP CONSTRAINT ck_flex_ledger_kind,
    DROP CONSTRAINT ck_flex_ledger_sign;
ALTER TABLE flex_ledger
    ADD COLUMN flex_pack_id BIGINT NULL AFTER transfer_id,
    ADD CONSTRAINT fk_flex_ledger_flex_pack FOREIGN KEY (flex_pack_id) REFERENCES flex_packs (id),
    ADD CONSTRAINT ck_flex_ledger_kind CHECK (kind IN ('TRANSFER_IN', 'PACK_IN', 'USAGE', 'ROLL_OVER', 'FORFEIT')),
    ADD CONSTRAINT ck_flex_ledger_sign CHECK ((kind IN ('TRANSFER_IN', 'PACK_IN') AND points > 0)
                                             OR (kind IN ('USAGE', 'FORFEIT') AND points < 0)
                                             OR (kind = 'ROLL_OVER' AND points = 0));
