-- Whether a judges' copy of a stored file could be made (issue 10). Files are checked at upload since this
-- version and refused when damaged, so new rows are 'READABLE'. Rows from before stay NULL until the background
-- check (FileCheckSweep), an organiser opening the entry or a judge opening the file reaches them, and become
-- 'DAMAGED' when no judges' copy can be made, so that the organiser is warned.

ALTER TABLE stored_file
    ADD COLUMN readability VARCHAR(10) NULL;

-- The background check looks every minute for the files not yet checked.
CREATE INDEX ix_stored_file_readability ON stored_file (readability);
