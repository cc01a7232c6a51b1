-- Idempotency keys are case-sensitive (DESIGN §9, see V6_11): also the keys recorded on FortiFlex points packs and
-- program changes, whose unique indexes would otherwise take 'a' and 'A' for one key.
ALTER TABLE flex_packs MODIFY idempotency_key VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
ALTER TABLE flex_program_changes MODIFY idempotency_key VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
