-- The ranking from the database's sums (issue #15) also sums each scorecard's primary-criterion points (the tie
-- break): with them in the scorecard index, a round of 360,000 scorecards is ranked from the index alone instead of
-- reading every scorecard row. The index keeps its earlier columns first, so the dashboards still read only it.
CREATE INDEX ix_scorecard_ranking ON scorecard (round_entry_id, judge_id, status, total_half_points, primary_half_points);
DROP INDEX ix_scorecard_dashboard ON scorecard;
ALTER TABLE scorecard RENAME INDEX ix_scorecard_ranking TO ix_scorecard_dashboard;
