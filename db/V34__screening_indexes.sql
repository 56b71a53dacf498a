-- The organiser's screening list and quota board at provincial scale (issue #15), measured on 40,000 entries:
-- the list's first page sorted every entry of the contest by submission time (150 ms a view), and the quota board
-- read every entry row to find its unit (two statements of 60 ms). With these the list reads its fifty rows in index
-- order and the board counts from an index alone. InnoDB appends the id, so (contest, submitted_at) also orders
-- the list's tie-break on id.
CREATE INDEX ix_entry_screening ON entry (contest_id, submitted_at);
CREATE INDEX ix_entry_quota ON entry (contest_id, status, unit_id, township_id, recommended_at);
