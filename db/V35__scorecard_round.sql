-- The ranking at provincial scale (issue #15): a round's scorecards were found through round_entry, so ranking
-- 360,000 of them looked up a round_entry row and an entry row for every card (720,000 lookups, 1.2 s and more on
-- the 2-core machine). With the round on the scorecard and an index led by it, the round's submitted cards are one
-- range of one index, already in entry order: the sums are grouped as they are read, without a temporary table.
-- Which entries are still in play is read apart (40,000 rows, not 360,000) and applied in Java.
ALTER TABLE scorecard ADD COLUMN round_id BIGINT NULL AFTER id;
UPDATE scorecard s JOIN round_entry re ON re.id = s.round_entry_id SET s.round_id = re.round_id;
ALTER TABLE scorecard MODIFY round_id BIGINT NOT NULL,
    ADD CONSTRAINT fk_scorecard_round FOREIGN KEY (round_id) REFERENCES judging_round (id) ON DELETE CASCADE;
CREATE INDEX ix_scorecard_round ON scorecard (round_id, status, round_entry_id, judge_id, total_half_points, primary_half_points);
