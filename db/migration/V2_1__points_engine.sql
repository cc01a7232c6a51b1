-- FortiPoints: SKU catalogue, packs, append-only ledger with allocations, registration codes.

CREATE TABLE points_skus (
    sku         VARCHAR(40)  NOT NULL,
    points      BIGINT       NOT NULL,
    description VARCHAR(200) NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (sku),
    CONSTRAINT ck_points_skus_points CHECK (points > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO points_skus (sku, points, description) VALUES
    ('FC-10-FPNTS-1K',   1000,   'FortiPoints pack, 1,000 points, 3-year validity'),
    ('FC-10-FPNTS-5K',   5000,   'FortiPoints pack, 5,000 points, 3-year validity'),
    ('FC-10-FPNTS-10K',  10000,  'FortiPoints pack, 10,000 points, 3-year validity'),
    ('FC-10-FPNTS-25K',  25000,  'FortiPoints pack, 25,000 points, 3-year validity'),
    ('FC-10-FPNTS-50K',  50000,  'FortiPoints pack, 50,000 points, 3-year validity'),
    ('FC-10-FPNTS-100K', 100000, 'FortiPoints pack, 100,000 points, 3-year validity');

-- A pack's points and dates never change; only remaining goes down as spends and expiry take from it.
CREATE TABLE point_packs (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    account_id    BIGINT       NOT NULL,
    sku           VARCHAR(40)  NOT NULL,
    points        BIGINT       NOT NULL,
    remaining     BIGINT       NOT NULL,
    registered_at DATE         NOT NULL,
    expires_at    DATE         NOT NULL,
    source        VARCHAR(16)  NOT NULL,
    registered_by BIGINT       NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_point_packs_account_fifo (account_id, expires_at, registered_at, id),
    KEY ix_point_packs_account_registered (account_id, created_at),
    KEY ix_point_packs_expiry (expires_at, remaining),
    CONSTRAINT fk_point_packs_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_point_packs_sku FOREIGN KEY (sku) REFERENCES points_skus (sku),
    CONSTRAINT ck_point_packs_remaining CHECK (remaining >= 0 AND remaining <= points),
    CONSTRAINT ck_point_packs_source CHECK (source IN ('REGISTRATION', 'IMPORT', 'DEMO'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only: rows are inserted, never updated or deleted. points is signed (+ credit, - debit).
CREATE TABLE points_ledger (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    account_id      BIGINT       NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    points          BIGINT       NOT NULL,
    balance_after   BIGINT       NOT NULL,
    reference       VARCHAR(100) NULL,
    idempotency_key VARCHAR(100) NULL,
    pack_id         BIGINT       NULL,
    business_date   DATE         NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_points_ledger_idempotency (account_id, idempotency_key),
    KEY ix_points_ledger_account (account_id, id),
    KEY ix_points_ledger_account_kind (account_id, kind, id),
    KEY ix_points_ledger_pack (pack_id),
    CONSTRAINT fk_points_ledger_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_points_ledger_pack FOREIGN KEY (pack_id) REFERENCES point_packs (id),
    CONSTRAINT ck_points_ledger_balance CHECK (balance_after >= 0),
    CONSTRAINT ck_points_ledger_kind CHECK (kind IN ('PACK_REGISTERED', 'ORDER_CHARGED', 'FLEX_TRANSFER', 'PACK_EXPIRED', 'ORDER_REVERSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Which packs paid (debits, expiry) a ledger row; append-only like the ledger.
CREATE TABLE points_allocations (
    ledger_entry_id BIGINT NOT NULL,
    pack_id         BIGINT NOT NULL,
    points          BIGINT NOT NULL,
    PRIMARY KEY (ledger_entry_id, pack_id),
    KEY ix_points_allocations_pack (pack_id),
    CONSTRAINT fk_points_allocations_entry FOREIGN KEY (ledger_entry_id) REFERENCES points_ledger (id),
    CONSTRAINT fk_points_allocations_pack FOREIGN KEY (pack_id) REFERENCES point_packs (id),
    CONSTRAINT ck_points_allocations_points CHECK (points > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE registration_code_batches (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    sku        VARCHAR(40)  NOT NULL,
    code_count INT          NOT NULL,
    note       VARCHAR(200) NULL,
    created_by BIGINT       NULL,
    created_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_registration_code_batches_created (created_at),
    CONSTRAINT fk_registration_code_batches_sku FOREIGN KEY (sku) REFERENCES points_skus (sku)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- code is stored normalized: 20 upper-case characters, no dashes.
CREATE TABLE registration_codes (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    code          CHAR(20)     NOT NULL,
    batch_id      BIGINT       NOT NULL,
    sku           VARCHAR(40)  NOT NULL,
    pack_id       BIGINT       NULL,
    registered_at TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_registration_codes_code (code),
    KEY ix_registration_codes_batch (batch_id, id),
    CONSTRAINT fk_registration_codes_batch FOREIGN KEY (batch_id) REFERENCES registration_code_batches (id),
    CONSTRAINT fk_registration_codes_sku FOREIGN KEY (sku) REFERENCES points_skus (sku),
    CONSTRAINT fk_registration_codes_pack FOREIGN KEY (pack_id) REFERENCES point_packs (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Failed registration attempts, for the per-user rate limit.
CREATE TABLE registration_failures (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    user_id    BIGINT       NOT NULL,
    failed_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_registration_failures_user (user_id, failed_at)
) ENGINE = InnoDB;
