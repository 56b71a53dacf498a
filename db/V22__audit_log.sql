-- The audit log becomes searchable (issue 14): each line names the contest or campaign it belongs to, so an organiser
-- can filter by it, and a change can carry its value before and after. Every filter the page offers has an index that
-- starts with it and ends with the time, so one page of a filtered log of millions of lines reads about one page of
-- index entries. The subject index also serves the "who saved last" look-up of a refused stale write.
ALTER TABLE audit_event
    ADD COLUMN contest_code VARCHAR(20)   NULL,
    ADD COLUMN before_value VARCHAR(1000) NULL,
    ADD COLUMN after_value  VARCHAR(1000) NULL;

CREATE INDEX ix_audit_event_subject ON audit_event (subject, occurred_at);
CREATE INDEX ix_audit_event_contest ON audit_event (contest_code, occurred_at);
CREATE INDEX ix_audit_event_actor ON audit_event (actor, occurred_at);
CREATE INDEX ix_audit_event_action ON audit_event (action, occurred_at);

-- Old lines get their contest from their subject ("contest:HY2021 unit:7", "round:5", "entry:42" ...), as the
-- application now does at write time. Each join goes from the small table to the log through the subject index.
UPDATE audit_event SET contest_code = SUBSTRING_INDEX(SUBSTRING(subject, 9), ' ', 1) WHERE subject LIKE 'contest:%';
UPDATE audit_event SET contest_code = SUBSTRING_INDEX(SUBSTRING(subject, 10), ' ', 1) WHERE subject LIKE 'campaign:%';

UPDATE audit_event a JOIN (SELECT CONCAT('round:', r.id) AS subject, c.code FROM judging_round r JOIN contest c ON c.id = r.contest_id) s
    ON a.subject = s.subject SET a.contest_code = s.code;
UPDATE audit_event a JOIN (SELECT CONCAT('entry:', e.id) AS subject, c.code FROM entry e JOIN contest c ON c.id = e.contest_id) s
    ON a.subject = s.subject SET a.contest_code = s.code;
UPDATE audit_event a JOIN (SELECT CONCAT('notice:', n.id) AS subject, c.code FROM notice n JOIN contest c ON c.id = n.contest_id) s
    ON a.subject = s.subject SET a.contest_code = s.code;
UPDATE audit_event a JOIN (SELECT CONCAT('objection:', o.id) AS subject, c.code FROM objection o
        JOIN notice n ON n.id = o.notice_id JOIN contest c ON c.id = n.contest_id) s
    ON a.subject = s.subject SET a.contest_code = s.code;
UPDATE audit_event a JOIN (SELECT CONCAT('prize:', p.id) AS subject, c.code FROM prize p
        JOIN entry e ON e.id = p.entry_id JOIN contest c ON c.id = e.contest_id) s
    ON a.subject = s.subject SET a.contest_code = s.code;
UPDATE audit_event a JOIN (SELECT CONCAT('certificate:', t.serial) AS subject, c.code FROM certificate t JOIN contest c ON c.id = t.contest_id) s
    ON a.subject = s.subject SET a.contest_code = s.code;
UPDATE audit_event a JOIN (SELECT CONCAT('report:', r.id) AS subject, g.code FROM task_report r
        JOIN campaign_task t ON t.id = r.task_id JOIN campaign g ON g.id = t.campaign_id) s
    ON a.subject = s.subject SET a.contest_code = s.code;

-- Append-only in the database too: no row of the log can be changed or removed, by the portal's own account or
-- anyone else's, whatever the application does. (Single statements: Flyway needs no DELIMITER. On MySQL 8 with binary
-- logging a non-SUPER account needs log_bin_trust_function_creators=1 to create them; see the README.)
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: lines cannot be changed';
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only: lines cannot be deleted';
