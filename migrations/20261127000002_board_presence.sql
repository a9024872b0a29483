-- Who follows the cross-reading board live: one row per open connection, on any instance, so
-- every instance can show everyone. A connection refreshes `seen_at` (Unix seconds) when it pings
-- and deletes its row when it closes; rows not refreshed for a minute (an instance that stopped)
-- are ignored and then removed.
CREATE TABLE board_presence (
    connection_id TEXT PRIMARY KEY,
    year BIGINT NOT NULL,
    person_id TEXT NOT NULL,
    name TEXT NOT NULL,
    community_slug TEXT NULL,
    seen_at BIGINT NOT NULL
);

CREATE INDEX board_presence_seen ON board_presence (seen_at);
