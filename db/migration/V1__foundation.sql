-- Foundation: accounts, partner links, users, API keys, sign-in lockout, sessions, job locks, demo bookkeeping.

CREATE TABLE accounts (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(200) NOT NULL,
    type        VARCHAR(16)  NOT NULL,
    region      VARCHAR(8)   NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY ix_accounts_name (name),
    KEY ix_accounts_type_region (type, region),
    CONSTRAINT ck_accounts_type CHECK (type IN ('CUSTOMER', 'PARTNER')),
    CONSTRAINT ck_accounts_region CHECK (region IN ('AMER', 'EMEA', 'APAC', 'LATAM'))
) ENGINE = InnoDB AUTO_INCREMENT = 1000001;

CREATE TABLE partner_links (
    partner_account_id  BIGINT       NOT NULL,
    customer_account_id BIGINT       NOT NULL,
    created_at          TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (partner_account_id, customer_account_id),
    KEY ix_partner_links_customer (customer_account_id),
    CONSTRAINT fk_partner_links_partner FOREIGN KEY (partner_account_id) REFERENCES accounts (id),
    CONSTRAINT fk_partner_links_customer FOREIGN KEY (customer_account_id) REFERENCES accounts (id)
) ENGINE = InnoDB;

CREATE TABLE users (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(24)  NOT NULL,
    permission    VARCHAR(16)  NOT NULL,
    account_id    BIGINT       NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_users_email (email),
    KEY ix_users_account (account_id),
    CONSTRAINT fk_users_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT ck_users_role CHECK (role IN ('CUSTOMER_USER', 'PARTNER_USER', 'RENEWALS_STAFF', 'ADMIN')),
    CONSTRAINT ck_users_permission CHECK (permission IN ('READ_WRITE', 'READ_ONLY'))
) ENGINE = InnoDB;

CREATE TABLE api_keys (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    user_id      BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    key_prefix   VARCHAR(16)  NOT NULL,
    key_hash     CHAR(64)     NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    last_used_at TIMESTAMP(6) NULL,
    revoked_at   TIMESTAMP(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_api_keys_hash (key_hash),
    KEY ix_api_keys_user (user_id),
    CONSTRAINT fk_api_keys_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB;

CREATE TABLE login_failures (
    email           VARCHAR(254) NOT NULL,
    failures        INT          NOT NULL,
    last_failure_at TIMESTAMP(6) NOT NULL,
    locked_until    TIMESTAMP(6) NULL,
    PRIMARY KEY (email)
) ENGINE = InnoDB;

CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB;

CREATE TABLE demo_seeds (
    name       VARCHAR(100) NOT NULL,
    applied_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (name)
) ENGINE = InnoDB;

-- Spring Session JDBC (schema-mysql.sql of spring-session-jdbc)
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36)     NOT NULL,
    SESSION_ID            CHAR(36)     NOT NULL,
    CREATION_TIME         BIGINT       NOT NULL,
    LAST_ACCESS_TIME      BIGINT       NOT NULL,
    MAX_INACTIVE_INTERVAL INT          NOT NULL,
    EXPIRY_TIME           BIGINT       NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
) ENGINE = InnoDB ROW_FORMAT = DYNAMIC;

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
    ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES    BLOB         NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION (PRIMARY_ID) ON DELETE CASCADE
) ENGINE = InnoDB ROW_FORMAT = DYNAMIC;
