-- Foundation schema: units, accounts with roles, API tokens, the audit trail, and the contest skeleton.
-- All DATETIME columns hold UTC (the JDBC URL sets connectionTimeZone=UTC&preserveInstants=false); pages show Asia/Shanghai.

CREATE TABLE unit (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    unit_type   VARCHAR(20)  NOT NULL,
    sample      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  DATETIME(3)  NOT NULL,
    CONSTRAINT uk_unit_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE account (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username             VARCHAR(32)  NOT NULL,
    password_hash        VARCHAR(255) NOT NULL,
    display_name         VARCHAR(50)  NOT NULL,
    phone                VARCHAR(20)  NULL,
    email                VARCHAR(100) NULL,
    unit_id              BIGINT       NULL,
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins        INT          NOT NULL DEFAULT 0,
    last_failed_login_at DATETIME(3)  NULL,
    created_at           DATETIME(3)  NOT NULL,
    password_changed_at  DATETIME(3)  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_account_username UNIQUE (username),
    CONSTRAINT fk_account_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE account_role (
    account_id BIGINT      NOT NULL,
    role       VARCHAR(20) NOT NULL,
    PRIMARY KEY (account_id, role),
    CONSTRAINT fk_account_role_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Only the SHA-256 of a bearer token is kept: a leaked table does not leak usable tokens.
CREATE TABLE api_token (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_hash  CHAR(64)    NOT NULL,
    account_id  BIGINT      NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    expires_at  DATETIME(3) NOT NULL,
    revoked_at  DATETIME(3) NULL,
    CONSTRAINT uk_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE audit_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME(3)   NOT NULL,
    actor       VARCHAR(32)   NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    subject     VARCHAR(128)  NULL,
    detail      VARCHAR(1000) NULL,
    INDEX ix_audit_event_time (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE contest (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code               VARCHAR(20)  NOT NULL,
    title              VARCHAR(200) NOT NULL,
    theme              VARCHAR(200) NULL,
    description        TEXT         NULL,
    organising_body    VARCHAR(200) NULL,
    undertaking_body   VARCHAR(500) NULL,
    co_organising_body VARCHAR(500) NULL,
    contact            VARCHAR(200) NULL,
    sample             BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at         DATETIME(3)  NOT NULL,
    version            BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_contest_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE contest_phase (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contest_id BIGINT      NOT NULL,
    kind       VARCHAR(20) NOT NULL,
    starts_at  DATETIME(3) NOT NULL,
    ends_at    DATETIME(3) NOT NULL,
    CONSTRAINT uk_contest_phase UNIQUE (contest_id, kind),
    CONSTRAINT fk_contest_phase_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE contest_category (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contest_id BIGINT      NOT NULL,
    name       VARCHAR(50) NOT NULL,
    sort_order INT         NOT NULL,
    CONSTRAINT uk_contest_category UNIQUE (contest_id, name),
    CONSTRAINT fk_contest_category_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
