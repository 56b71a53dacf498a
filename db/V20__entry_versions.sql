-- Every submission of an entry (the first, a resubmission after 退回修改, and each correction (修改) before the
-- deadline) is kept as a numbered version with its title, text and files, so that the receipt number stays and
-- both the author and the organiser can see what was submitted when. The file rows copy the name and SHA-256:
-- the receipt must prove the bytes of that version even after the file was replaced on the entry.
ALTER TABLE entry
    ADD COLUMN revision INT NOT NULL DEFAULT 0;

CREATE TABLE entry_version (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entry_id     BIGINT       NOT NULL,
    number       INT          NOT NULL,
    title        VARCHAR(100) NULL,
    body_html    MEDIUMTEXT   NULL,
    submitted_at DATETIME(3)  NOT NULL,
    CONSTRAINT uk_entry_version UNIQUE (entry_id, number),
    CONSTRAINT fk_entry_version_entry FOREIGN KEY (entry_id) REFERENCES entry (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE entry_version_file (
    version_id    BIGINT       NOT NULL,
    sort_order    INT          NOT NULL,
    file_id       BIGINT       NOT NULL,
    role          VARCHAR(12)  NOT NULL,
    original_name VARCHAR(255) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    PRIMARY KEY (version_id, sort_order),
    CONSTRAINT fk_entry_version_file_version FOREIGN KEY (version_id) REFERENCES entry_version (id) ON DELETE CASCADE,
    CONSTRAINT fk_entry_version_file_file FOREIGN KEY (file_id) REFERENCES stored_file (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Entries submitted before versions existed: their current state is their first version.
INSERT INTO entry_version (entry_id, number, title, body_html, submitted_at)
SELECT id, 1, title, body_html, submitted_at FROM entry WHERE receipt_no IS NOT NULL AND submitted_at IS NOT NULL;
INSERT INTO entry_version_file (version_id, sort_order, file_id, role, original_name, size_bytes, sha256)
SELECT v.id, ROW_NUMBER() OVER (PARTITION BY v.id ORDER BY ef.sort_order, ef.id) - 1, f.id, ef.role, f.original_name, f.size_bytes, f.sha256
FROM entry_version v JOIN entry_file ef ON ef.entry_id = v.entry_id JOIN stored_file f ON f.id = ef.file_id;
UPDATE entry SET revision = 1 WHERE receipt_no IS NOT NULL AND submitted_at IS NOT NULL;
