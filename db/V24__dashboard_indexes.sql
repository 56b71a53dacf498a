-- Dashboards (issue 14): each chart is one grouped statement over a contest's rows. These indexes hold every column
-- those statements read, so 40,000 entries and their 360,000 scorecards are counted from the index alone, without
-- reading each row.

-- Entries by day, and by category × type × status: the contest's entries in status order, with what is grouped.
CREATE INDEX ix_entry_dashboard ON entry (contest_id, status, category_id, entry_type, submitted_at);

-- The round's scorecards per judge and per entry, and each judge's totals: reached from round_entry.
CREATE INDEX ix_scorecard_dashboard ON scorecard (round_entry_id, judge_id, status, total_half_points);
