-- Receipt numbers (回执编号) come from a counter row of their own, locked only from the moment a submission takes
-- its number to its commit. They used to be a column of the contest row, locked for the whole submission (and its
-- duplicate check), so every submission of a contest queued behind the others and an organiser's edit of the
-- contest collided with each of them. No foreign key on purpose: InnoDB would take a shared lock on the contest row
-- to check it at every number, and a submission would again wait for whoever edits the contest.
CREATE TABLE receipt_counter (
    contest_id BIGINT NOT NULL PRIMARY KEY,
    last_seq   INT    NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO receipt_counter (contest_id, last_seq)
SELECT id, next_receipt_seq - 1 FROM contest WHERE next_receipt_seq > 1;

ALTER TABLE contest
    DROP COLUMN next_receipt_seq;
