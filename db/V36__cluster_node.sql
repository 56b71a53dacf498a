-- Issue 16: a node that cannot join the cluster must say so and take no traffic. Hazelcast alone cannot tell a
-- node that never found the others from the survivor of two: both see a cluster of one. The database, which every
-- node shares, can: each node writes a heartbeat row with the members its grid sees, and a node that finds a live
-- row of a bigger (or, at equal size, older) side that is not among its members knows it is outside.
-- Rows are a few per node start; heartbeats older than an hour are deleted by the nodes themselves.
CREATE TABLE cluster_node (
    member_id  VARCHAR(36)  NOT NULL,
    address    VARCHAR(100) NOT NULL,
    members    TEXT         NOT NULL,
    started_at DATETIME(3)  NOT NULL,
    seen_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
