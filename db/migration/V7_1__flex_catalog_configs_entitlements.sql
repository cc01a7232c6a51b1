-- FortiFlex catalogue (product types and their parameters, with FortiFlex's own ids), the points-per-day rate table,
-- configurations with their versions, entitlements with their events, and what token activation and idempotent
-- change requests need (DESIGN §4.2, §4.3).
--
-- History is kept so the daily charge (the highest rate among the configurations in force while an entitlement was
-- ACTIVE on a business day) can be computed later from stored rows: flex_config_versions holds every state of a
-- configuration from its instant on; flex_entitlement_events holds every status, configuration and end-date change of
-- an entitlement with the state after it. Both are append-only: rows are never updated or deleted. The current state
-- is repeated on flex_configs / flex_entitlements for listing.

CREATE TABLE flex_product_types (
    id            INT          NOT NULL,
    code          VARCHAR(32)  NOT NULL,
    name          VARCHAR(100) NOT NULL,
    hardware      BOOLEAN      NOT NULL,
    -- hardware: the installed-base family whose units match, and the prefix of that family's models in the price list
    family        VARCHAR(32)  NULL,
    model_prefix  VARCHAR(16)  NULL,
    -- VM: serial numbers are issued as serial_prefix + two-digit year + six digits, e.g. FGVMMLTM26000123
    serial_prefix VARCHAR(8)   NULL,
    sort_order    INT          NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_flex_product_types_code (code),
    CONSTRAINT ck_flex_product_types_kind CHECK ((hardware AND family IS NOT NULL AND model_prefix IS NOT NULL AND serial_prefix IS NULL)
                                              OR (NOT hardware AND serial_prefix IS NOT NULL AND CHAR_LENGTH(serial_prefix) = 8))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- NUMERIC: a whole number in [min_value, max_value]; SINGLEVALUE: one of allowed_values (comma-separated codes);
-- MULTIVALUE: any set of allowed_values. models_from_price_list: the allowed values are the price list's models of the
-- product type's family (hardware models), not allowed_values.
CREATE TABLE flex_parameters (
    id                     INT           NOT NULL,
    product_type_id        INT           NOT NULL,
    code                   VARCHAR(40)   NOT NULL,
    name                   VARCHAR(100)  NOT NULL,
    type                   VARCHAR(12)   NOT NULL,
    min_value              BIGINT        NULL,
    max_value              BIGINT        NULL,
    allowed_values         VARCHAR(2000) NULL,
    models_from_price_list BOOLEAN       NOT NULL DEFAULT FALSE,
    required               BOOLEAN       NOT NULL,
    default_value          VARCHAR(200)  NULL,
    sort_order             INT           NOT NULL,
    PRIMARY KEY (id),
    KEY ix_flex_parameters_type (product_type_id, sort_order),
    CONSTRAINT fk_flex_parameters_type FOREIGN KEY (product_type_id) REFERENCES flex_product_types (id),
    CONSTRAINT ck_flex_parameters_type CHECK (type IN ('NUMERIC', 'SINGLEVALUE', 'MULTIVALUE')),
    CONSTRAINT ck_flex_parameters_range CHECK (type <> 'NUMERIC' OR (min_value IS NOT NULL AND max_value IS NOT NULL AND min_value <= max_value)),
    CONSTRAINT ck_flex_parameters_values CHECK (type = 'NUMERIC' OR models_from_price_list OR allowed_values IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A cap of one NUMERIC parameter by another: parameter_id is at most max_value when by_parameter_id >= from_value
-- (the row with the largest from_value not above the other parameter's value applies). E.g. FortiGate-VM VDOMs by CPUs.
CREATE TABLE flex_parameter_caps (
    parameter_id    INT    NOT NULL,
    by_parameter_id INT    NOT NULL,
    from_value      BIGINT NOT NULL,
    max_value       BIGINT NOT NULL,
    PRIMARY KEY (parameter_id, by_parameter_id, from_value),
    CONSTRAINT fk_flex_caps_parameter FOREIGN KEY (parameter_id) REFERENCES flex_parameters (id),
    CONSTRAINT fk_flex_caps_by FOREIGN KEY (by_parameter_id) REFERENCES flex_parameters (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Points per day. A configuration's points/day = the BASE row that matches it (the one with the most conditions) plus
-- every ADD row that matches. conditions: 'id=value' pairs joined by ';' in parameter id order ('' = always); a
-- MULTIVALUE condition matches when the value is among those chosen. per_parameter_id <> 0: the rate is per unit of
-- that NUMERIC parameter (e.g. per VDOM). demo: a plausible figure, not a published one.
CREATE TABLE flex_rates (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    product_type_id  INT           NOT NULL,
    kind             VARCHAR(4)    NOT NULL,
    conditions       VARCHAR(500)  NOT NULL DEFAULT '',
    per_parameter_id INT           NOT NULL DEFAULT 0,
    points_per_day   DECIMAL(10,2) NOT NULL,
    demo             BOOLEAN       NOT NULL,
    updated_by       BIGINT        NULL,
    updated_at       TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_flex_rates (product_type_id, conditions, per_parameter_id),
    CONSTRAINT fk_flex_rates_type FOREIGN KEY (product_type_id) REFERENCES flex_product_types (id),
    CONSTRAINT fk_flex_rates_user FOREIGN KEY (updated_by) REFERENCES users (id),
    CONSTRAINT ck_flex_rates_kind CHECK (kind IN ('BASE', 'ADD')),
    CONSTRAINT ck_flex_rates_points CHECK (points_per_day >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Configurations are never deleted. parameters: 'id=value' pairs joined by ';' in id order, MULTIVALUE values joined
-- by ',' (the canonical form; see flex.catalog.ConfigParameters).
CREATE TABLE flex_configs (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    account_id      BIGINT        NOT NULL,
    program_id      BIGINT        NOT NULL,
    product_type_id INT           NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    status          VARCHAR(8)    NOT NULL,
    parameters      VARCHAR(1000) NOT NULL,
    points_per_day  DECIMAL(10,2) NOT NULL,
    version         INT           NOT NULL,
    created_at      TIMESTAMP(6)  NOT NULL,
    updated_at      TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_flex_configs_account (account_id, status),
    KEY ix_flex_configs_type (product_type_id),
    CONSTRAINT fk_flex_configs_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_flex_configs_program FOREIGN KEY (program_id) REFERENCES flex_programs (id),
    CONSTRAINT fk_flex_configs_type FOREIGN KEY (product_type_id) REFERENCES flex_product_types (id),
    CONSTRAINT ck_flex_configs_status CHECK (status IN ('ACTIVE', 'DISABLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every state of a configuration, valid from valid_from until the next version's valid_from. change: CREATED,
-- UPDATED (name or parameters), DISABLED, ENABLED, REPRICED (the rate table changed its points/day).
CREATE TABLE flex_config_versions (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    config_id      BIGINT        NOT NULL,
    version        INT           NOT NULL,
    valid_from     TIMESTAMP(6)  NOT NULL,
    change_kind    VARCHAR(10)   NOT NULL,
    name           VARCHAR(100)  NOT NULL,
    status         VARCHAR(8)    NOT NULL,
    parameters     VARCHAR(1000) NOT NULL,
    points_per_day DECIMAL(10,2) NOT NULL,
    user_id        BIGINT        NULL,
    actor          VARCHAR(254)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_flex_config_versions (config_id, version),
    KEY ix_flex_config_versions_time (config_id, valid_from),
    CONSTRAINT fk_flex_config_versions_config FOREIGN KEY (config_id) REFERENCES flex_configs (id),
    CONSTRAINT fk_flex_config_versions_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT ck_flex_config_versions_change CHECK (change_kind IN ('CREATED', 'UPDATED', 'DISABLED', 'ENABLED', 'REPRICED')),
    CONSTRAINT ck_flex_config_versions_status CHECK (status IN ('ACTIVE', 'DISABLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Entitlements run [start_date, end_date) and are never deleted (REMOVED hardware keeps its row). follows_program: the
-- end date is the program's end and moves with it. token: the VM's one-time license token (NULL for hardware);
-- regenerating it replaces the value, so an old token matches nothing.
CREATE TABLE flex_entitlements (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    serial_number   VARCHAR(32)  NOT NULL,
    account_id      BIGINT       NOT NULL,
    program_id      BIGINT       NOT NULL,
    config_id       BIGINT       NOT NULL,
    product_type_id INT          NOT NULL,
    hardware        BOOLEAN      NOT NULL,
    unit_id         BIGINT       NULL,
    description     VARCHAR(200) NULL,
    status          VARCHAR(8)   NOT NULL,
    start_date      DATE         NOT NULL,
    end_date        DATE         NOT NULL,
    follows_program BOOLEAN      NOT NULL,
    token           VARCHAR(32)  NULL,
    token_status    VARCHAR(8)   NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_flex_entitlements_serial (serial_number),
    UNIQUE KEY uk_flex_entitlements_token (token),
    KEY ix_flex_entitlements_account (account_id, status),
    KEY ix_flex_entitlements_account_type (account_id, product_type_id, serial_number),
    KEY ix_flex_entitlements_config (config_id, status),
    KEY ix_flex_entitlements_expiry (status, end_date),
    KEY ix_flex_entitlements_unit (unit_id),
    CONSTRAINT fk_flex_entitlements_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_flex_entitlements_program FOREIGN KEY (program_id) REFERENCES flex_programs (id),
    CONSTRAINT fk_flex_entitlements_config FOREIGN KEY (config_id) REFERENCES flex_configs (id),
    CONSTRAINT fk_flex_entitlements_type FOREIGN KEY (product_type_id) REFERENCES flex_product_types (id),
    CONSTRAINT fk_flex_entitlements_unit FOREIGN KEY (unit_id) REFERENCES units (id),
    CONSTRAINT ck_flex_entitlements_status CHECK (status IN ('PENDING', 'ACTIVE', 'STOPPED', 'EXPIRED', 'REMOVED')),
    CONSTRAINT ck_flex_entitlements_token CHECK ((hardware AND token IS NULL AND token_status IS NULL AND unit_id IS NOT NULL)
                                              OR (NOT hardware AND token IS NOT NULL AND token_status IN ('NOTUSED', 'USED'))),
    -- equal when the program ended early on the day the entitlement started: it never ran
    CONSTRAINT ck_flex_entitlements_dates CHECK (end_date >= start_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every change of an entitlement, with the state after it. at: the instant (UTC); user_id NULL for the portal itself
-- (expiry, a token used by a VM); actor says who in words.
CREATE TABLE flex_entitlement_events (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    entitlement_id  BIGINT       NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    at              TIMESTAMP(6) NOT NULL,
    user_id         BIGINT       NULL,
    actor           VARCHAR(254) NOT NULL,
    status_after    VARCHAR(8)   NOT NULL,
    config_id_after BIGINT       NOT NULL,
    end_date_after  DATE         NOT NULL,
    detail          VARCHAR(300) NULL,
    PRIMARY KEY (id),
    KEY ix_flex_entitlement_events (entitlement_id, at, id),
    KEY ix_flex_entitlement_events_at (at),
    CONSTRAINT fk_flex_entitlement_events_entitlement FOREIGN KEY (entitlement_id) REFERENCES flex_entitlements (id),
    CONSTRAINT fk_flex_entitlement_events_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_flex_entitlement_events_config FOREIGN KEY (config_id_after) REFERENCES flex_configs (id),
    CONSTRAINT ck_flex_entitlement_events_kind CHECK (kind IN ('CREATED', 'ACTIVATED', 'TOKEN_USED', 'STOPPED', 'REACTIVATED',
        'CONFIG_CHANGED', 'END_DATE_CHANGED', 'DESCRIPTION_CHANGED', 'TOKEN_REGENERATED', 'REMOVED', 'EXPIRED')),
    CONSTRAINT ck_flex_entitlement_events_status CHECK (status_after IN ('PENDING', 'ACTIVE', 'STOPPED', 'EXPIRED', 'REMOVED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- VM serial numbers are counted per prefix and year.
CREATE TABLE flex_serial_counters (
    prefix    VARCHAR(8) NOT NULL,
    year      INT        NOT NULL,
    last_used BIGINT     NOT NULL,
    PRIMARY KEY (prefix, year)
) ENGINE = InnoDB;

-- Failed token activations per client address (the activation endpoint has no API key), kept in the database so
-- every instance counts the same.
CREATE TABLE flex_activation_failures (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    address   VARCHAR(64)  NOT NULL,
    failed_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_flex_activation_failures (address, failed_at)
) ENGINE = InnoDB;

-- Idempotency keys of FortiFlex change requests (pages and API), unique per account. RUNNING while the first request
-- is being served; DONE with the answer it gave, which a repeat gets again.
CREATE TABLE flex_idempotency_keys (
    account_id      BIGINT       NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    state           VARCHAR(8)   NOT NULL,
    status          INT          NULL,
    body            MEDIUMTEXT   NULL,
    started_at      TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (account_id, idempotency_key),
    KEY ix_flex_idempotency_started (started_at),
    CONSTRAINT fk_flex_idempotency_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT ck_flex_idempotency_state CHECK (state IN ('RUNNING', 'DONE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- ---------------------------------------------------------------------------------------------------------------------
-- The catalogue: FortiFlex's product type and parameter ids (FortiFlex API v2; Terraform provider fortiflexvm).

INSERT INTO flex_product_types (id, code, name, hardware, family, model_prefix, serial_prefix, sort_order) VALUES
    (1,   'FGT_VM_Bundle', 'FortiGate-VM bundle', FALSE, NULL, NULL, 'FGVMMLTM', 10),
    (2,   'FMG_VM',        'FortiManager-VM',               FALSE, NULL, NULL, 'FMG-VMTM', 20),
    (3,   'FWB_VM',        'FortiWeb-VM bundle',  FALSE, NULL, NULL, 'FVVMMLTM', 30),
    (7,   'FAZ_VM',        'FortiAnalyzer-VM',              FALSE, NULL, NULL, 'FAZ-VMTM', 40),
    (101, 'FGT_HW',        'FortiGate hardware',            TRUE,  'FortiGate',   'FGT', NULL, 50),
    (102, 'FAP_HW',        'FortiAP hardware',              TRUE,  'FortiAP',     'FAP', NULL, 60),
    (103, 'FSW_HW',        'FortiSwitch hardware',          TRUE,  'FortiSwitch', 'FS-', NULL, 70);

INSERT INTO flex_parameters (id, product_type_id, code, name, type, min_value, max_value, allowed_values, models_from_price_list, required, default_value, sort_order) VALUES
    (1,  1,   'cpu_size',            'CPUs',                'NUMERIC',     1, 96,     NULL, FALSE, TRUE,  NULL, 10),
    (2,  1,   'service_pkg',         'Service package',     'SINGLEVALUE', NULL, NULL, 'FC,UTP,ENT,ATP', FALSE, TRUE, NULL, 20),
    (10, 1,   'vdom_num',            'VDOMs',               'NUMERIC',     0, 500,    NULL, FALSE, FALSE, '0', 30),
    (43, 1,   'fortiguard_services', 'FortiGuard services', 'MULTIVALUE',  NULL, NULL, 'FGTAVDB,FGTFAIS,FGTISSS,FGTDLDB,FGTFGSA,FGTFCSS', FALSE, FALSE, '', 40),
    (44, 1,   'cloud_services',      'Cloud services',      'MULTIVALUE',  NULL, NULL, 'FGTFAMS,FGTSWNM,FGTSOCA,FGTFAZC,FGTSWOS,FGTFSPA', FALSE, FALSE, '', 50),
    (45, 1,   'support_service',     'Support service',     'SINGLEVALUE', NULL, NULL, 'NONE,FGTFCELU', FALSE, FALSE, 'NONE', 60),
    (30, 2,   'managed_dev',         'Managed devices',     'NUMERIC',     1, 100000, NULL, FALSE, TRUE,  NULL, 10),
    (9,  2,   'adom_num',            'ADOMs',               'NUMERIC',     0, 100000, NULL, FALSE, FALSE, '0', 20),
    (4,  3,   'cpu_size',            'CPUs',                'SINGLEVALUE', NULL, NULL, '1,2,4,8,16', FALSE, TRUE, NULL, 10),
    (5,  3,   'service_pkg',         'Service package',     'SINGLEVALUE', NULL, NULL, 'FWBSTD,FWBADV,FWBENT', FALSE, TRUE, NULL, 20),
    (21, 7,   'daily_storage',       'Daily storage (GB)',  'NUMERIC',     5, 8300,   NULL, FALSE, TRUE,  NULL, 10),
    (22, 7,   'adom_num',            'ADOMs',               'NUMERIC',     0, 1200,   NULL, FALSE, FALSE, '0', 20),
    (23, 7,   'support_service',     'Support service',     'SINGLEVALUE', NULL, NULL, 'FAZFC247', FALSE, FALSE, 'FAZFC247', 30),
    (58, 7,   'addons',              'Add-ons',             'MULTIVALUE',  NULL, NULL, 'FAZISSS,FAZFGSA,FAZAISN', FALSE, FALSE, '', 40),
    (27, 101, 'device_model',        'Model',               'SINGLEVALUE', NULL, NULL, NULL, TRUE, TRUE, NULL, 10),
    (28, 101, 'service_pkg',         'Service package',     'SINGLEVALUE', NULL, NULL, 'FGHWFC247,FGHWUTP,FGHWENT,FGHWATP', FALSE, TRUE, NULL, 20),
    (29, 101, 'addons',              'Add-ons',             'MULTIVALUE',  NULL, NULL, 'FGHWFCELU,FGHWFAMS,FGHWFAZC,FGHWSOCA,FGHWDLDB', FALSE, FALSE, '', 30),
    (55, 102, 'device_model',        'Model',               'SINGLEVALUE', NULL, NULL, NULL, TRUE, TRUE, NULL, 10),
    (56, 102, 'service_pkg',         'Service package',     'SINGLEVALUE', NULL, NULL, 'FAPHWFC247,FAPHWFCEL', FALSE, TRUE, NULL, 20),
    (57, 102, 'addons',              'Add-ons',             'MULTIVALUE',  NULL, NULL, 'FAPHWFSFG', FALSE, FALSE, '', 30),
    (53, 103, 'device_model',        'Model',               'SINGLEVALUE', NULL, NULL, NULL, TRUE, TRUE, NULL, 10),
    (54, 103, 'service_pkg',         'Service package',     'SINGLEVALUE', NULL, NULL, 'FSWHWFC247,FSWHWFCEL', FALSE, TRUE, NULL, 20);

-- FortiGate-VM VDOMs by size: 1 CPU 10, 2–3 CPUs 25, 4–7 CPUs 50, 8 CPUs and more 500.
INSERT INTO flex_parameter_caps (parameter_id, by_parameter_id, from_value, max_value) VALUES
    (10, 1, 1, 10), (10, 1, 2, 25), (10, 1, 4, 50), (10, 1, 8, 500);

-- ---------------------------------------------------------------------------------------------------------------------
-- Rates. Published figures: FortiGate-VM ENT bundle, 2 CPUs 6.39 and 4 CPUs 12.91 points/day. Everything else is a
-- plausible demo rate (demo = TRUE) until an administrator imports the real table.

-- FortiGate-VM bundle: one BASE row per CPU count (1–96) and package, per-CPU demo rates.
INSERT INTO flex_rates (product_type_id, kind, conditions, per_parameter_id, points_per_day, demo)
SELECT 1, 'BASE', CONCAT('1=', n.cpu, ';2=', p.pkg), 0, ROUND(n.cpu * p.per_cpu, 2), TRUE
FROM (SELECT t.d * 10 + u.d + 1 AS cpu
      FROM (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
            UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) t
      CROSS JOIN (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
            UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) u) n
CROSS JOIN (SELECT 'FC' AS pkg, 1.24 AS per_cpu UNION ALL SELECT 'ATP', 2.47 UNION ALL SELECT 'UTP', 2.90
            UNION ALL SELECT 'ENT', 3.22) p
WHERE n.cpu <= 96;

UPDATE flex_rates SET points_per_day = 6.39, demo = FALSE WHERE product_type_id = 1 AND conditions = '1=2;2=ENT';
UPDATE flex_rates SET points_per_day = 12.91, demo = FALSE WHERE product_type_id = 1 AND conditions = '1=4;2=ENT';

INSERT INTO flex_rates (product_type_id, kind, conditions, per_parameter_id, points_per_day, demo) VALUES
    (1, 'ADD', '',            10, 0.11, TRUE),
    (1, 'ADD', '43=FGTAVDB',  0,  0.40, TRUE),
    (1, 'ADD', '43=FGTFAIS',  0,  0.55, TRUE),
    (1, 'ADD', '43=FGTISSS',  0,  0.30, TRUE),
    (1, 'ADD', '43=FGTDLDB',  0,  0.45, TRUE),
    (1, 'ADD', '43=FGTFGSA',  0,  0.35, TRUE),
    (1, 'ADD', '43=FGTFCSS',  0,  0.25, TRUE),
    (1, 'ADD', '44=FGTFAMS',  0,  0.20, TRUE),
    (1, 'ADD', '44=FGTSWNM',  0,  0.15, TRUE),
    (1, 'ADD', '44=FGTSOCA',  0,  1.10, TRUE),
    (1, 'ADD', '44=FGTFAZC',  0,  0.60, TRUE),
    (1, 'ADD', '44=FGTSWOS',  0,  0.20, TRUE),
    (1, 'ADD', '44=FGTFSPA',  0,  0.30, TRUE),
    (1, 'ADD', '45=FGTFCELU', 0,  0.75, TRUE),
    -- FortiManager-VM: per managed device, plus per ADOM
    (2, 'BASE', '',           30, 0.08, TRUE),
    (2, 'ADD',  '',           9,  0.04, TRUE),
    -- FortiAnalyzer-VM: per GB of daily storage, plus per ADOM and add-ons
    (7, 'BASE', '',           21, 0.42, TRUE),
    (7, 'ADD',  '',           22, 0.04, TRUE),
    (7, 'ADD',  '58=FAZISSS', 0,  0.60, TRUE),
    (7, 'ADD',  '58=FAZFGSA', 0,  0.45, TRUE),
    (7, 'ADD',  '58=FAZAISN', 0,  0.80, TRUE),
    -- FortiGate hardware add-ons
    (101, 'ADD', '29=FGHWFCELU', 0, 0.35, TRUE),
    (101, 'ADD', '29=FGHWFAMS',  0, 0.10, TRUE),
    (101, 'ADD', '29=FGHWFAZC',  0, 0.30, TRUE),
    (101, 'ADD', '29=FGHWSOCA',  0, 0.90, TRUE),
    (101, 'ADD', '29=FGHWDLDB',  0, 0.25, TRUE),
    (102, 'ADD', '57=FAPHWFSFG', 0, 0.05, TRUE);

-- FortiWeb-VM bundle: CPUs × package.
INSERT INTO flex_rates (product_type_id, kind, conditions, per_parameter_id, points_per_day, demo)
SELECT 3, 'BASE', CONCAT('4=', c.cpu, ';5=', p.pkg), 0, ROUND(c.cpu * p.per_cpu, 2), TRUE
FROM (SELECT 1 AS cpu UNION ALL SELECT 2 UNION ALL SELECT 4 UNION ALL SELECT 8 UNION ALL SELECT 16) c
CROSS JOIN (SELECT 'FWBSTD' AS pkg, 1.85 AS per_cpu UNION ALL SELECT 'FWBADV', 2.60 UNION ALL SELECT 'FWBENT', 3.40) p;

-- Hardware: per model and package, from the model's 12-month price list entry (a FortiFlex day costs a little more
-- than 1/365 of the yearly contract). Elite support packages cost half as much again as FortiCare 24x7.
INSERT INTO flex_rates (product_type_id, kind, conditions, per_parameter_id, points_per_day, demo)
SELECT 101, 'BASE', CONCAT('27=', model, ';28=FGHW', service), 0, ROUND(points * 1.2 / 365, 2), TRUE
FROM price_list WHERE model LIKE 'FGT%' AND term_months = 12 AND service IN ('FC247', 'UTP', 'ENT', 'ATP');

INSERT INTO flex_rates (product_type_id, kind, conditions, per_parameter_id, points_per_day, demo)
SELECT 102, 'BASE', CONCAT('55=', model, ';56=FAPHW', s.pkg), 0, ROUND(points * 1.2 * s.factor / 365, 2), TRUE
FROM price_list CROSS JOIN (SELECT 'FC247' AS pkg, 1.0 AS factor UNION ALL SELECT 'FCEL', 1.5) s
WHERE model LIKE 'FAP%' AND term_months = 12 AND service = 'FC247';

INSERT INTO flex_rates (product_type_id, kind, conditions, per_parameter_id, points_per_day, demo)
SELECT 103, 'BASE', CONCAT('53=', model, ';54=FSWHW', s.pkg), 0, ROUND(points * 1.2 * s.factor / 365, 2), TRUE
FROM price_list CROSS JOIN (SELECT 'FC247' AS pkg, 1.0 AS factor UNION ALL SELECT 'FCEL', 1.5) s
WHERE model LIKE 'FS-%' AND term_months = 12 AND service = 'FC247';
