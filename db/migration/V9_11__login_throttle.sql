-- Issue 12 item 6: failed sign-ins are counted per client address and e-mail (5 lock that pair for 15 minutes) and
-- per client address (30 within 15 minutes block the address), so someone elsewhere can't lock a user out. The old
-- per-e-mail count goes: an attacker could lock any e-mail, the admin's included, from anywhere.
CREATE TABLE login_throttle (
    subject         VARCHAR(320) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    failures        INT          NOT NULL,
    window_start    TIMESTAMP(6) NOT NULL,
    locked_until    TIMESTAMP(6) NULL,
    PRIMARY KEY (subject)
) ENGINE = InnoDB;

DROP TABLE login_failures;
