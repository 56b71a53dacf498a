-- A correction (更正) of a published notice (issue 10) says what changed, and a corrected body is printed with the
-- text it replaced so that nothing changes silently: up to 5,000 characters of old body do not fit in 1,000.
ALTER TABLE notice_correction MODIFY text TEXT NOT NULL;
