-- The public column (专栏, issue #5): entries an organiser publishes for everyone to read, each at most once per
-- contest. show_author says whether the author's name and unit are printed or hidden (匿名). view_count is only
-- ever changed by one atomic UPDATE per reading, so concurrent readers never lose a count.
CREATE TABLE column_item (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contest_id   BIGINT      NOT NULL,
    entry_id     BIGINT      NOT NULL,
    show_author  BOOLEAN     NOT NULL DEFAULT FALSE,
    published_at DATETIME(3) NOT NULL,
    published_by VARCHAR(32) NOT NULL,
    view_count   BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT uk_column_item_entry UNIQUE (contest_id, entry_id),
    CONSTRAINT fk_column_item_contest FOREIGN KEY (contest_id) REFERENCES contest (id) ON DELETE CASCADE,
    CONSTRAINT fk_column_item_entry FOREIGN KEY (entry_id) REFERENCES entry (id) ON DELETE CASCADE,
    INDEX ix_column_item_newest (contest_id, published_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
