-- 查重 of a whole contest at 40,000 entries (issue #15): writing the index was most of its time, because every
-- fingerprint row went into two B-trees in unrelated orders (the primary key by fingerprint, the entry index by
-- entry) and was checked against the entry table. The index now has its primary key alone: an entry's rows are
-- found for deletion by that key, from the fingerprints its sketch keeps (8 bytes each, big-endian, ascending).
-- Entries are never deleted by the portal; a row left by an entry deleted by hand has no sketch, and every query
-- joins the sketch, so such a row is never counted.
ALTER TABLE similarity_fingerprint DROP FOREIGN KEY fk_similarity_fingerprint_entry;
ALTER TABLE similarity_fingerprint DROP INDEX ix_similarity_fingerprint_entry;
ALTER TABLE similarity_sketch ADD COLUMN fingerprints MEDIUMBLOB NULL;

-- Rows written before this version cannot be found by key (their sketches do not list them): start again. The
-- sweep checks every entry anew when the application starts, a contest at a time in one pass, and replaces each
-- entry's flags as it checks it.
TRUNCATE TABLE similarity_fingerprint;
DELETE FROM similarity_sketch;
