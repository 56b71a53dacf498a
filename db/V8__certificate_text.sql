-- An issued certificate keeps its own title, text and seal (issue #5 review): editing the template afterwards
-- must not change a certificate already in someone's hands, whose serial the public can verify.

ALTER TABLE certificate
    ADD COLUMN title        VARCHAR(30)   NULL,
    ADD COLUMN body         VARCHAR(1000) NULL,
    ADD COLUMN seal_file_id BIGINT        NULL,
    ADD CONSTRAINT fk_certificate_seal FOREIGN KEY (seal_file_id) REFERENCES stored_file (id);

UPDATE certificate c JOIN certificate_template t ON t.contest_id = c.contest_id
SET c.title = t.title, c.body = t.body, c.seal_file_id = t.seal_file_id;

ALTER TABLE certificate
    MODIFY title VARCHAR(30)   NOT NULL,
    MODIFY body  VARCHAR(1000) NOT NULL;
