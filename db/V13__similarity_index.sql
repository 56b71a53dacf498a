-- 查重 by containment with an index (issue #10): checking a new entry reads the entries that share its sampled
-- five-character runs (fingerprints) instead of every entry of the contest.

-- One row per checked entry: how many distinct runs its text has and how many of them are fingerprints.
CREATE TABLE similarity_sketch (
    entry_id          BIGINT NOT NULL PRIMARY KEY,
    contest_id        BIGINT NOT NULL,
    shingle_count     INT    NOT NULL,
    fingerprint_count INT    NOT NULL,
    CONSTRAINT fk_similarity_sketch_entry FOREIGN KEY (entry_id) REFERENCES entry (id) ON DELETE CASCADE,
    INDEX ix_similarity_sketch_contest (contest_id)
) ENGINE = InnoDB;

-- The posting lists: for each fingerprint of a contest, the entries whose text has it.
CREATE TABLE similarity_fingerprint (
    contest_id  BIGINT NOT NULL,
    fingerprint BIGINT NOT NULL,
    entry_id    BIGINT NOT NULL,
    PRIMARY KEY (contest_id, fingerprint, entry_id),
    CONSTRAINT fk_similarity_fingerprint_entry FOREIGN KEY (entry_id) REFERENCES entry (id) ON DELETE CASCADE,
    INDEX ix_similarity_fingerprint_entry (entry_id)
) ENGINE = InnoDB;

-- The old flags were Jaccard indices against a threshold of 0.8; the scores now mean containment. They are
-- made again, with every entry submitted so far, by SimilarityBackfill when the application starts.
DELETE FROM similarity_flag;
