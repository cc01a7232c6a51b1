-- Consumption alerts of prepaid FortiFlex programs (DESIGN §4.4): one row per program, program year and threshold
-- (80, 90, 100 % of the points available that year) when it was reached. The primary key is the "once per threshold
-- per program year" guard across runs and instances; the e-mails go through mail_outbox in the same transaction, and
-- the program page shows the rows as notices.
CREATE TABLE flex_usage_alerts (
    program_id BIGINT         NOT NULL,
    year_start DATE           NOT NULL,
    threshold  INT            NOT NULL,
    consumed   DECIMAL(19, 2) NOT NULL,
    available  DECIMAL(19, 2) NOT NULL,
    -- the last business day counted when the threshold was found reached
    as_of      DATE           NOT NULL,
    created_at TIMESTAMP(6)   NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (program_id, year_start, threshold),
    CONSTRAINT fk_flex_usage_alerts_program FOREIGN KEY (program_id) REFERENCES flex_programs (id),
    CONSTRAINT ck_flex_usage_alerts_threshold CHECK (threshold IN (80, 90, 100))
) ENGINE = InnoDB;
