-- Publication (issue #5): the public notice (公示) of a closed round's selection, objections (异议) filed during
-- it with their evidence and handling, corrections (更正) when an objection is upheld, honour certificates
-- (荣誉证书) with their template, and prizes with their award levels.

CREATE TABLE notice (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contest_id   BIGINT       NOT NULL,
    round_id     BIGINT       NOT NULL,
    short_code   VARCHAR(12)  NOT NULL,
    title        VARCHAR(100) NOT NULL,
    body         TEXT         NOT NULL,
    list_order   VARCHAR(8)   NOT NULL,
    starts_at    DATETIME(3)  NOT NULL,
    ends_at      DATETIME(3)  NOT NULL,
    contact      VARCHAR(200) NOT NULL,
    status       VARCHAR(10)  NOT NULL,
    published_at DATETIME(3)  NULL,
    finalised_at DATETIME(3)  NULL,
    result_text  TEXT         NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_notice_short_code UNIQUE (short_code),
    CONSTRAINT uk_notice_round UNIQUE (round_id),
    CONSTRAINT fk_notice_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE,
    CONSTRAINT fk_notice_round FOREIGN KEY (round_id) REFERENCES judging_round (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The entries a notice lists: those the round selected, and any promoted after an upheld objection.
CREATE TABLE notice_entry (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    notice_id   BIGINT      NOT NULL,
    entry_id    BIGINT      NOT NULL,
    code        VARCHAR(16) NOT NULL,
    round_rank  INT         NOT NULL,
    status      VARCHAR(12) NOT NULL,
    promoted_at DATETIME(3) NULL,
    CONSTRAINT uk_notice_entry UNIQUE (notice_id, entry_id),
    CONSTRAINT fk_notice_entry_notice FOREIGN KEY (notice_id) REFERENCES notice (id) ON DELETE CASCADE,
    CONSTRAINT fk_notice_entry_entry FOREIGN KEY (entry_id) REFERENCES entry (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE notice_correction (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    notice_id  BIGINT        NOT NULL,
    created_at DATETIME(3)   NOT NULL,
    text       VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_notice_correction_notice FOREIGN KEY (notice_id) REFERENCES notice (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE objection (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    notice_id     BIGINT       NOT NULL,
    entry_id      BIGINT       NOT NULL,
    receipt_no    VARCHAR(24)  NOT NULL,
    real_name     VARCHAR(50)  NOT NULL,
    phone         VARCHAR(20)  NOT NULL,
    contact       VARCHAR(200) NULL,
    reasons       TEXT         NOT NULL,
    client_ip     VARCHAR(45)  NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    status        VARCHAR(10)  NOT NULL,
    investigation TEXT         NULL,
    reply         TEXT         NULL,
    decided_at    DATETIME(3)  NULL,
    decided_by    VARCHAR(32)  NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_objection_receipt UNIQUE (receipt_no),
    CONSTRAINT fk_objection_notice FOREIGN KEY (notice_id) REFERENCES notice (id) ON DELETE CASCADE,
    CONSTRAINT fk_objection_entry FOREIGN KEY (entry_id) REFERENCES entry (id),
    INDEX ix_objection_phone (notice_id, phone),
    INDEX ix_objection_ip (client_ip, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE objection_file (
    objection_id BIGINT NOT NULL,
    file_id      BIGINT NOT NULL,
    PRIMARY KEY (objection_id, file_id),
    CONSTRAINT fk_objection_file_objection FOREIGN KEY (objection_id) REFERENCES objection (id) ON DELETE CASCADE,
    CONSTRAINT fk_objection_file_file FOREIGN KEY (file_id) REFERENCES stored_file (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Evidence sent with an objection by someone without an account is owned by this account, which cannot log in
-- (disabled, no usable password hash, no role).
INSERT INTO account (username, password_hash, display_name, enabled, created_at, password_changed_at)
VALUES ('public-objections', '!', '公示异议（系统）', FALSE, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3));

CREATE TABLE certificate_template (
    contest_id   BIGINT        NOT NULL PRIMARY KEY,
    title        VARCHAR(30)   NOT NULL,
    body         VARCHAR(1000) NOT NULL,
    award        VARCHAR(100)  NOT NULL,
    issuer       VARCHAR(100)  NOT NULL,
    issued_on    DATE          NOT NULL,
    seal_file_id BIGINT        NULL,
    updated_at   DATETIME(3)   NOT NULL,
    CONSTRAINT fk_certificate_template_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE,
    CONSTRAINT fk_certificate_template_seal FOREIGN KEY (seal_file_id) REFERENCES stored_file (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE certificate (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contest_id     BIGINT       NOT NULL,
    entry_id       BIGINT       NOT NULL,
    serial         VARCHAR(32)  NOT NULL,
    holder         VARCHAR(100) NOT NULL,
    work           VARCHAR(200) NOT NULL,
    award          VARCHAR(100) NOT NULL,
    issuer         VARCHAR(100) NOT NULL,
    issued_on      DATE         NOT NULL,
    status         VARCHAR(8)   NOT NULL,
    revoked_at     DATETIME(3)  NULL,
    revoked_reason VARCHAR(300) NULL,
    created_at     DATETIME(3)  NOT NULL,
    CONSTRAINT uk_certificate_serial UNIQUE (serial),
    CONSTRAINT uk_certificate_entry UNIQUE (contest_id, entry_id),
    CONSTRAINT fk_certificate_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE,
    CONSTRAINT fk_certificate_entry FOREIGN KEY (entry_id) REFERENCES entry (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE award_level (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contest_id   BIGINT      NOT NULL,
    name         VARCHAR(50) NOT NULL,
    amount_cents BIGINT      NOT NULL,
    CONSTRAINT uk_award_level UNIQUE (contest_id, name),
    CONSTRAINT fk_award_level_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE prize (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entry_id       BIGINT       NOT NULL,
    award_level_id BIGINT       NOT NULL,
    payee_type     VARCHAR(6)   NOT NULL,
    payee_name     VARCHAR(100) NOT NULL,
    bank_name      VARCHAR(100) NULL,
    account_no     VARCHAR(40)  NULL,
    status         VARCHAR(8)   NOT NULL,
    paid_on        DATE         NULL,
    reference      VARCHAR(100) NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_prize_entry UNIQUE (entry_id),
    CONSTRAINT fk_prize_entry FOREIGN KEY (entry_id) REFERENCES entry (id),
    CONSTRAINT fk_prize_level FOREIGN KEY (award_level_id) REFERENCES award_level (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
