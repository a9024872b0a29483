-- Signups waiting for the owner of the address to confirm them. Nothing is written to people or
-- signups, so nothing counts anywhere, until the link mailed to the address is followed. Only
-- SHA-256 digests of the link's token and of the signing-up browser's cookie are stored; the
-- request (names, body, communities, password hash) is blanked once used. Rows never confirmed
-- are removed after 7 days. Times in Unix seconds.
CREATE TABLE pending_signups (
    token_hash TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    request TEXT NOT NULL,
    browser_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX pending_signups_created ON pending_signups (created_at);
