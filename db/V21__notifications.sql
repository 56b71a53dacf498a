-- Notifications (issue 14). Queueing writes rows in the user's own transaction and nothing else: a dispatcher
-- delivers them later, so a mail or SMS gateway that is down never slows or fails what the user did.

-- What each account wants; no row means the defaults (mail and SMS on, Chinese).
CREATE TABLE notification_preference (
    account_id   BIGINT      NOT NULL PRIMARY KEY,
    mail_enabled BOOLEAN     NOT NULL DEFAULT TRUE,
    sms_enabled  BOOLEAN     NOT NULL DEFAULT TRUE,
    language     VARCHAR(8)  NOT NULL DEFAULT 'zh-CN',
    version      BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT fk_notification_preference_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The in-app copy of every message to an account (the bell). The unique key is the idempotency key of a message:
-- queueing the same event twice stores nothing new.
CREATE TABLE inbox_message (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id BIGINT        NOT NULL,
    template   VARCHAR(64)   NOT NULL,
    idem_key   VARCHAR(128)  NOT NULL,
    subject    VARCHAR(200)  NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    created_at DATETIME(3)   NOT NULL,
    read_at    DATETIME(3)   NULL,
    CONSTRAINT uk_inbox_message UNIQUE (account_id, template, idem_key),
    CONSTRAINT fk_inbox_message_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
-- The bell's unread count and the newest-first list are both answered from this index.
CREATE INDEX ix_inbox_message_account ON inbox_message (account_id, read_at, id);

-- Mail and SMS waiting to go out (state PENDING), sent (SENT), or given up (FAILED). addressee is 'account:<id>' for an account (so a changed
-- address does not queue the same message again) or the address itself; with channel, template and idem_key it is
-- the idempotency key. A dispatcher claims a row with a guarded UPDATE (claimed_by, claimed_until) before sending.
CREATE TABLE outbox_message (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel         VARCHAR(8)    NOT NULL,
    addressee       VARCHAR(110)  NOT NULL,
    recipient       VARCHAR(100)  NOT NULL,
    account_id      BIGINT        NULL,
    template        VARCHAR(64)   NOT NULL,
    idem_key        VARCHAR(128)  NOT NULL,
    subject         VARCHAR(200)  NULL,
    body            VARCHAR(4000) NOT NULL,
    state           VARCHAR(8)    NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)   NOT NULL,
    claimed_by      VARCHAR(64)   NULL,
    claimed_until   DATETIME(3)   NULL,
    last_error      VARCHAR(500)  NULL,
    created_at      DATETIME(3)   NOT NULL,
    sent_at         DATETIME(3)   NULL,
    CONSTRAINT uk_outbox_message UNIQUE (channel, addressee, template, idem_key),
    CONSTRAINT fk_outbox_message_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_outbox_message_due ON outbox_message (state, next_attempt_at);

-- Addresses that a mail server refused for good (SMTP 5xx for the recipient): not used again. An account's
-- address that bounced is skipped until the account's email is changed (or the person says it works again).
CREATE TABLE mail_bounce (
    address    VARCHAR(100) NOT NULL PRIMARY KEY,
    bounced_at DATETIME(3)  NOT NULL,
    reason     VARCHAR(500) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
