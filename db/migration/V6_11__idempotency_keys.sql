-- One implementation of idempotent change requests (DESIGN §9, idempotency.Idempotency): one row per account and
-- Idempotency-Key, with the request it was first used for (operation + SHA-256 of its fields) and the result to answer
-- again. Keys are opaque and case-sensitive: stored as their UTF-8 bytes, compared byte for byte. No foreign key to
-- accounts: its shared lock on the account row would turn the account lock every change takes into a deadlock.
CREATE TABLE idempotency_keys (
    account_id   BIGINT         NOT NULL,
    idem_key     VARBINARY(400) NOT NULL,
    operation    VARCHAR(40)    NOT NULL,
    request_hash BINARY(32)     NOT NULL,
    result       MEDIUMTEXT     NULL,
    created_at   TIMESTAMP(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (account_id, idem_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The keys recorded on orders, transfers and ledger rows were compared case-insensitively (utf8mb4_unicode_ci), so
-- 'O-1' collided with 'o-1'. Binary now; the ledger's column also makes room for the 'order:'/'flex:' prefixes of a
-- 100-character key.
ALTER TABLE orders MODIFY idempotency_key VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE flex_transfers MODIFY idempotency_key VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
ALTER TABLE points_ledger MODIFY idempotency_key VARCHAR(120) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
