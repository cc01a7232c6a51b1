-- Points notifications (usage thresholds, upcoming expiries) sent once each, and the e-mail outbox admins read.

CREATE TABLE points_notifications (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    account_id  BIGINT       NOT NULL,
    notice_key  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_points_notifications (account_id, notice_key),
    CONSTRAINT fk_points_notifications_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every e-mail the portal sends, with how it went: SENT (SMTP accepted it), OUTBOX (no SMTP configured) or FAILED.
CREATE TABLE mail_outbox (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    recipient   VARCHAR(254)  NOT NULL,
    subject     VARCHAR(200)  NOT NULL,
    body        TEXT          NOT NULL,
    status      VARCHAR(8)    NOT NULL,
    error       VARCHAR(500)  NULL,
    account_id  BIGINT        NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_mail_outbox_created (created_at),
    KEY ix_mail_outbox_account (account_id, created_at),
    CONSTRAINT ck_mail_outbox_status CHECK (status IN ('SENT', 'OUTBOX', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The balance chart reads an account's ledger from a date on.
CREATE INDEX ix_points_ledger_account_date ON points_ledger (account_id, business_date, id);
