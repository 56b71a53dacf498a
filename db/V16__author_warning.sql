-- The 可能自报身份 warning (the text seems to name its author by a part too short to black out), decided when an
-- entry is submitted or its hidden terms change, so the screening list reads one column instead of every story.
-- NULL for entries submitted before: decided when an organiser first opens them.
ALTER TABLE entry
    ADD COLUMN may_reveal_author BOOLEAN NULL;
