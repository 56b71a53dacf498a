-- Unit pre-selection (摸底推选), near-duplicate flags (查重) and deadline extensions' audit (issue #3).

-- A citizen's entry that names a township can be recommended by that township against its quota.
ALTER TABLE entry
    ADD COLUMN recommended_at DATETIME(3) NULL,
    ADD COLUMN recommended_by VARCHAR(32) NULL,
    ADD INDEX ix_entry_township (township_id);

-- Two entries of a contest whose texts are near-duplicates; entry_a is the one submitted later.
CREATE TABLE similarity_flag (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contest_id BIGINT        NOT NULL,
    entry_a_id BIGINT        NOT NULL,
    entry_b_id BIGINT        NOT NULL,
    score      DECIMAL(5, 4) NOT NULL,
    created_at DATETIME(3)   NOT NULL,
    CONSTRAINT uk_similarity_pair UNIQUE (entry_a_id, entry_b_id),
    CONSTRAINT fk_similarity_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE,
    CONSTRAINT fk_similarity_a FOREIGN KEY (entry_a_id) REFERENCES entry (id) ON DELETE CASCADE,
    CONSTRAINT fk_similarity_b FOREIGN KEY (entry_b_id) REFERENCES entry (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
