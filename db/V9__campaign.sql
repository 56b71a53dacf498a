-- Task campaigns (专项行动, issue #6): a checklist of tasks that member units report on with evidence, reviewed by
-- the office (责任科室) responsible for each task. Reviewers are accounts with the REVIEWER role tied to offices of a
-- campaign through campaign_office_reviewer, so an account can review for offices of several campaigns.
CREATE TABLE campaign (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code        VARCHAR(20)  NOT NULL,
    title       VARCHAR(200) NOT NULL,
    document_no VARCHAR(100) NULL,
    sample      BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  DATETIME(3)  NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_campaign_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE campaign_phase (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    campaign_id BIGINT       NOT NULL,
    sort_order  INT          NOT NULL,
    name        VARCHAR(100) NOT NULL,
    starts_on   DATE         NOT NULL,
    ends_on     DATE         NOT NULL,
    CONSTRAINT fk_campaign_phase_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE campaign_office (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    campaign_id BIGINT      NOT NULL,
    name        VARCHAR(50) NOT NULL,
    sort_order  INT         NOT NULL,
    CONSTRAINT uk_campaign_office UNIQUE (campaign_id, name),
    CONSTRAINT fk_campaign_office_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE campaign_office_reviewer (
    office_id  BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    PRIMARY KEY (office_id, account_id),
    CONSTRAINT fk_office_reviewer_office FOREIGN KEY (office_id) REFERENCES campaign_office (id) ON DELETE CASCADE,
    CONSTRAINT fk_office_reviewer_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- extended_until: the organiser's extension for this unit (audited); null means the tasks' own due dates apply.
CREATE TABLE campaign_unit (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    campaign_id    BIGINT      NOT NULL,
    unit_id        BIGINT      NOT NULL,
    extended_until DATETIME(3) NULL,
    CONSTRAINT uk_campaign_unit UNIQUE (campaign_id, unit_id),
    CONSTRAINT fk_campaign_unit_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
    CONSTRAINT fk_campaign_unit_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- target_comparison is AT_LEAST, EXACTLY or AT_MOST; all three target columns are null for a task without a number.
CREATE TABLE campaign_task (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    campaign_id       BIGINT        NOT NULL,
    seq               INT           NOT NULL,
    text              VARCHAR(1000) NOT NULL,
    evidence_required VARCHAR(500)  NOT NULL,
    target_comparison VARCHAR(10)   NULL,
    target_value      DECIMAL(14, 2) NULL,
    target_unit       VARCHAR(20)   NULL,
    due_at            DATETIME(3)   NOT NULL,
    CONSTRAINT uk_campaign_task_seq UNIQUE (campaign_id, seq),
    CONSTRAINT fk_campaign_task_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE campaign_task_office (
    task_id   BIGINT NOT NULL,
    office_id BIGINT NOT NULL,
    PRIMARY KEY (task_id, office_id),
    CONSTRAINT fk_task_office_task FOREIGN KEY (task_id) REFERENCES campaign_task (id) ON DELETE CASCADE,
    CONSTRAINT fk_task_office_office FOREIGN KEY (office_id) REFERENCES campaign_office (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One current state per task and unit; every submission and decision is a row of task_report_event.
CREATE TABLE task_report (
    id           BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    task_id      BIGINT         NOT NULL,
    unit_id      BIGINT         NOT NULL,
    status       VARCHAR(20)    NOT NULL,
    text         VARCHAR(2000)  NULL,
    value        DECIMAL(14, 2) NULL,
    below_target BOOLEAN        NOT NULL DEFAULT FALSE,
    submitted_at DATETIME(3)    NOT NULL,
    decided_at   DATETIME(3)    NULL,
    reason       VARCHAR(500)   NULL,
    version      BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT uk_task_report UNIQUE (task_id, unit_id),
    CONSTRAINT fk_task_report_task FOREIGN KEY (task_id) REFERENCES campaign_task (id) ON DELETE CASCADE,
    CONSTRAINT fk_task_report_unit FOREIGN KEY (unit_id) REFERENCES unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE task_report_event (
    id          BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id   BIGINT         NOT NULL,
    kind        VARCHAR(20)    NOT NULL,
    occurred_at DATETIME(3)    NOT NULL,
    actor       VARCHAR(32)    NOT NULL,
    text        VARCHAR(2000)  NULL,
    value       DECIMAL(14, 2) NULL,
    reason      VARCHAR(500)   NULL,
    CONSTRAINT fk_task_report_event_report FOREIGN KEY (report_id) REFERENCES task_report (id) ON DELETE CASCADE,
    INDEX ix_task_report_event (report_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The evidence of one submission; a resubmission has its own set, so the history keeps what was seen when.
CREATE TABLE task_report_event_file (
    event_id BIGINT NOT NULL,
    file_id  BIGINT NOT NULL,
    PRIMARY KEY (event_id, file_id),
    CONSTRAINT fk_report_event_file_event FOREIGN KEY (event_id) REFERENCES task_report_event (id) ON DELETE CASCADE,
    CONSTRAINT fk_report_event_file_file FOREIGN KEY (file_id) REFERENCES stored_file (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A unit's campaign-level documents: its plan (工作方案) and summary (工作总结).
CREATE TABLE campaign_document (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    campaign_id BIGINT      NOT NULL,
    unit_id     BIGINT      NOT NULL,
    kind        VARCHAR(10) NOT NULL,
    file_id     BIGINT      NOT NULL,
    uploaded_at DATETIME(3) NOT NULL,
    uploaded_by VARCHAR(32) NOT NULL,
    CONSTRAINT fk_campaign_document_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
    CONSTRAINT fk_campaign_document_unit FOREIGN KEY (unit_id) REFERENCES unit (id),
    CONSTRAINT fk_campaign_document_file FOREIGN KEY (file_id) REFERENCES stored_file (id),
    INDEX ix_campaign_document (campaign_id, unit_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
