-- Every change of a FortiFlex program's dates after it was registered (DESIGN §4.1: another term extends it; admins
-- correct dates or end a program early): who, when, what it was and what it became. Append-only, like the ledgers.
-- idempotency_key: an extension sent twice (double click, API retry) extends once.
CREATE TABLE flex_program_changes (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    program_id      BIGINT       NOT NULL,
    change_kind     VARCHAR(12)  NOT NULL,
    months          INT          NULL,
    previous_start  DATE         NOT NULL,
    previous_end    DATE         NOT NULL,
    start_date      DATE         NOT NULL,
    end_date        DATE         NOT NULL,
    idempotency_key VARCHAR(100) NULL,
    user_id         BIGINT       NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_flex_program_changes_key (program_id, idempotency_key),
    KEY ix_flex_program_changes_program (program_id, id),
    CONSTRAINT fk_flex_program_changes_program FOREIGN KEY (program_id) REFERENCES flex_programs (id),
    CONSTRAINT fk_flex_program_changes_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT ck_flex_program_changes_kind CHECK (change_kind IN ('EXTENDED', 'EDITED', 'ENDED')),
    CONSTRAINT ck_flex_program_changes_months CHECK ((change_kind = 'EXTENDED' AND months IN (12, 36, 60))
                                                  OR (change_kind <> 'EXTENDED' AND months IS NULL)),
    CONSTRAINT ck_flex_program_changes_dates CHECK (end_date > start_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
