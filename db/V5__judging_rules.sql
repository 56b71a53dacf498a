-- Judging, second part (issue #4): where a round takes its entries from (the accepted entries, optionally of one
-- category, or the top N of a closed earlier round), when a comment is required, how an organiser settled a tie
-- across the cut, and the words hidden from judges in an entry's text.

ALTER TABLE judging_round
    ADD COLUMN category_id          BIGINT       NULL,
    ADD COLUMN source_round_id      BIGINT       NULL,
    ADD COLUMN source_top           INT          NULL,
    ADD COLUMN comment_below        INT          NULL,
    ADD COLUMN comment_above        INT          NULL,
    ADD COLUMN cut_decision         VARCHAR(10)  NULL,
    ADD COLUMN cut_order            VARCHAR(500) NULL,
    ADD COLUMN cut_reason           VARCHAR(500) NULL,
    ADD CONSTRAINT fk_round_category FOREIGN KEY (category_id) REFERENCES contest_category (id),
    ADD CONSTRAINT fk_round_source FOREIGN KEY (source_round_id) REFERENCES judging_round (id);

-- Terms (names, places) replaced by ■ in the text judges read; the author's own name and unit are hidden anyway.
ALTER TABLE entry
    ADD COLUMN redactions VARCHAR(500) NULL;

-- A judge added later to an entry (reassignment after a declared conflict, or the third marker on a disagreement).
ALTER TABLE scorecard
    ADD COLUMN reason VARCHAR(12) NOT NULL DEFAULT 'PLANNED';
