-- A judge's list at provincial scale (issue #15): 1,200 scorecards per judge were found through the foreign key's
-- index on judge_id alone, then each card's round_entry and round were read to filter open rounds, count and sort.
-- With the card's round (V35) and status in the index, the counts per round are read from the index alone and the
-- list's order only needs each card's neutral code. The index the server made for fk_scorecard_judge is dropped by
-- the server itself once this one can serve the foreign key (MySQL and MariaDB both do so), so no DROP here.
CREATE INDEX ix_scorecard_judge ON scorecard (judge_id, round_id, status);
