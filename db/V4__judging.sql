-- Judging rounds (issue #4): the round with its declared rules, rubric, panel, the entries it takes under neutral
-- codes, conflicts, and one scorecard per assignment (judge × entry) with a score per criterion.

CREATE TABLE judging_round (
    id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contest_id       BIGINT      NOT NULL,
    name             VARCHAR(50) NOT NULL,
    sequence_no      INT         NOT NULL,
    assignment_mode  VARCHAR(10) NOT NULL,
    judges_per_entry INT         NULL,
    method           VARCHAR(14) NOT NULL,
    min_scores       INT         NOT NULL,
    disagreement_pct INT         NOT NULL,
    select_count     INT         NOT NULL,
    status           VARCHAR(8)  NOT NULL,
    opened_at        DATETIME(3) NULL,
    closed_at        DATETIME(3) NULL,
    ranking_json     MEDIUMTEXT  NULL,
    version          BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT uk_round_sequence UNIQUE (contest_id, sequence_no),
    CONSTRAINT fk_round_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE round_criterion (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id    BIGINT       NOT NULL,
    name        VARCHAR(30)  NOT NULL,
    description VARCHAR(300) NULL,
    max_points  INT          NOT NULL,
    is_primary  BOOLEAN      NOT NULL,
    sort_order  INT          NOT NULL,
    CONSTRAINT uk_round_criterion UNIQUE (round_id, name),
    CONSTRAINT fk_round_criterion_round FOREIGN KEY (round_id) REFERENCES judging_round (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE round_judge (
    round_id   BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    PRIMARY KEY (round_id, account_id),
    CONSTRAINT fk_round_judge_round FOREIGN KEY (round_id) REFERENCES judging_round (id) ON DELETE CASCADE,
    CONSTRAINT fk_round_judge_account FOREIGN KEY (account_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The entries a round takes, each under a neutral code (R1-007) that is all a judge sees of its identity.
CREATE TABLE round_entry (
    id       BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id BIGINT      NOT NULL,
    entry_id BIGINT      NOT NULL,
    code     VARCHAR(16) NOT NULL,
    CONSTRAINT uk_round_entry UNIQUE (round_id, entry_id),
    CONSTRAINT uk_round_entry_code UNIQUE (round_id, code),
    CONSTRAINT fk_round_entry_round FOREIGN KEY (round_id) REFERENCES judging_round (id) ON DELETE CASCADE,
    CONSTRAINT fk_round_entry_entry FOREIGN KEY (entry_id) REFERENCES entry (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One judge scoring one entry: the assignment and its scorecard in one row.
CREATE TABLE scorecard (
    id                  BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_entry_id      BIGINT      NOT NULL,
    judge_id            BIGINT      NOT NULL,
    status              VARCHAR(10) NOT NULL,
    total_half_points   INT         NULL,
    primary_half_points INT         NULL,
    comment             TEXT        NULL,
    submitted_at        DATETIME(3) NULL,
    updated_at          DATETIME(3) NOT NULL,
    version             BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT uk_scorecard UNIQUE (round_entry_id, judge_id),
    CONSTRAINT fk_scorecard_round_entry FOREIGN KEY (round_entry_id) REFERENCES round_entry (id) ON DELETE CASCADE,
    CONSTRAINT fk_scorecard_judge FOREIGN KEY (judge_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE score (
    scorecard_id BIGINT      NOT NULL,
    criterion    VARCHAR(30) NOT NULL,
    half_points  INT         NOT NULL,
    PRIMARY KEY (scorecard_id, criterion),
    CONSTRAINT fk_score_scorecard FOREIGN KEY (scorecard_id) REFERENCES scorecard (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE conflict (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    round_id    BIGINT       NOT NULL,
    entry_id    BIGINT       NOT NULL,
    judge_id    BIGINT       NOT NULL,
    reason      VARCHAR(200) NULL,
    declared_by VARCHAR(32)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    CONSTRAINT uk_conflict UNIQUE (round_id, entry_id, judge_id),
    CONSTRAINT fk_conflict_round FOREIGN KEY (round_id) REFERENCES judging_round (id) ON DELETE CASCADE,
    CONSTRAINT fk_conflict_entry FOREIGN KEY (entry_id) REFERENCES entry (id),
    CONSTRAINT fk_conflict_judge FOREIGN KEY (judge_id) REFERENCES account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
