-- Whether a judges' copy of a stored file could be made (issue 10). Files are checked at upload since this
-- version and refused when damaged, so new rows are 'READABLE'; rows from before stay NULL until a judge or an
-- organiser opens them, and become 'DAMAGED' when no judges' copy can be made, so the organiser is warned.

ALTER TABLE stored_file
    ADD COLUMN readability VARCHAR(10) NULL;
