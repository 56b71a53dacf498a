-- Issue 11, item 7: the login throttle counts failures per username, per address and per known client, not on
-- the account row (unknown usernames were never counted, so 401 vs 429 told which accounts exist), and it
-- remembers the clients that logged in to an account, which an attacker elsewhere can no longer lock out.
-- Keys are SHA-256 hex of the counter's name; times are epoch milliseconds.
CREATE TABLE login_failure (
    throttle_key     CHAR(64)  NOT NULL PRIMARY KEY,
    failures         INT       NOT NULL,
    last_failure_ms  BIGINT    NOT NULL,
    INDEX ix_login_failure_last (last_failure_ms)
) ENGINE = InnoDB;

CREATE TABLE login_known_client (
    account_id     BIGINT    NOT NULL,
    client_key     CHAR(64)  NOT NULL,
    last_login_ms  BIGINT    NOT NULL,
    PRIMARY KEY (account_id, client_key),
    CONSTRAINT fk_login_known_client_account FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE
) ENGINE = InnoDB;

ALTER TABLE account DROP COLUMN failed_logins, DROP COLUMN last_failed_login_at;
