-- Submissions (issue #3): the contest's entry rules and unit quotas, stored files, entries and their files.

ALTER TABLE contest
    ADD COLUMN public_entry_limit INT NOT NULL DEFAULT 3,
    ADD COLUMN public_needs_recommendation BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN next_receipt_seq INT NOT NULL DEFAULT 1;

-- What each entry type must look like in one contest (STORY: text length, images, attachment; VIDEO: size, duration).
CREATE TABLE contest_entry_rule (
    id                 BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contest_id         BIGINT      NOT NULL,
    entry_type         VARCHAR(10) NOT NULL,
    min_chars          INT         NOT NULL DEFAULT 0,
    max_chars          INT         NOT NULL DEFAULT 0,
    max_images         INT         NOT NULL DEFAULT 0,
    attachment_allowed BOOLEAN     NOT NULL DEFAULT FALSE,
    max_video_bytes    BIGINT      NOT NULL DEFAULT 0,
    min_seconds        INT         NULL,
    max_seconds        INT         NULL,
    CONSTRAINT uk_contest_entry_rule UNIQUE (contest_id, entry_type),
    CONSTRAINT fk_contest_entry_rule_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A unit taking part in a contest, with its quota (名额) and any audited deadline extension.
CREATE TABLE contest_unit (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contest_id     BIGINT      NOT NULL,
    unit_id        BIGINT      NOT NULL,
    min_entries    INT         NOT NULL,
    max_entries    INT         NOT NULL,
    extended_until DATETIME(3) NULL,
    CONSTRAINT uk_contest_unit UNIQUE (contest_id, unit_id),
    CONSTRAINT fk_contest_unit_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE,
    CONSTRAINT fk_contest_unit_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A file that passed the checks, under a generated name; the original name is metadata only.
CREATE TABLE stored_file (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    stored_name     VARCHAR(64)  NOT NULL,
    original_name   VARCHAR(255) NOT NULL,
    media_type      VARCHAR(100) NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    duration_millis BIGINT       NULL,
    width           INT          NULL,
    height          INT          NULL,
    extracted_text  MEDIUMTEXT   NULL,
    owner_id        BIGINT       NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    CONSTRAINT uk_stored_file_name UNIQUE (stored_name),
    CONSTRAINT fk_stored_file_owner FOREIGN KEY (owner_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE entry (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contest_id           BIGINT       NOT NULL,
    entry_type           VARCHAR(10)  NOT NULL,
    category_id          BIGINT       NULL,
    title                VARCHAR(100) NULL,
    body_html            MEDIUMTEXT   NULL,
    body_text            MEDIUMTEXT   NULL,
    owner_id             BIGINT       NOT NULL,
    unit_id              BIGINT       NULL,
    township_id          BIGINT       NULL,
    author_name          VARCHAR(50)  NULL,
    author_phone         VARCHAR(20)  NULL,
    author_org           VARCHAR(100) NULL,
    originality_declared BOOLEAN      NOT NULL DEFAULT FALSE,
    display_consent      BOOLEAN      NOT NULL DEFAULT FALSE,
    status               VARCHAR(12)  NOT NULL,
    status_reason        VARCHAR(500) NULL,
    receipt_no           VARCHAR(24)  NULL,
    submitted_at         DATETIME(3)  NULL,
    created_at           DATETIME(3)  NOT NULL,
    updated_at           DATETIME(3)  NOT NULL,
    version              BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_entry_receipt UNIQUE (receipt_no),
    CONSTRAINT fk_entry_contest FOREIGN KEY (contest_id) REFERENCES contest (id),
    CONSTRAINT fk_entry_category FOREIGN KEY (category_id) REFERENCES contest_category (id),
    CONSTRAINT fk_entry_owner FOREIGN KEY (owner_id) REFERENCES account (id),
    CONSTRAINT fk_entry_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_entry_township FOREIGN KEY (township_id) REFERENCES unit (id),
    INDEX ix_entry_contest_status (contest_id, status),
    INDEX ix_entry_owner (owner_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE entry_file (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entry_id   BIGINT      NOT NULL,
    file_id    BIGINT      NOT NULL,
    role       VARCHAR(12) NOT NULL,
    sort_order INT         NOT NULL,
    CONSTRAINT uk_entry_file UNIQUE (entry_id, file_id),
    CONSTRAINT fk_entry_file_entry FOREIGN KEY (entry_id) REFERENCES entry (id) ON DELETE CASCADE,
    CONSTRAINT fk_entry_file_file FOREIGN KEY (file_id) REFERENCES stored_file (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
