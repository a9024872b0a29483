-- Membership: people, their signups, accounts, sessions, roles, the mail outbox and throttling.

-- A person who signed up. `email` is stored trimmed and lower-cased, so it is unique whatever
-- the case typed. A deleted account keeps its row, emptied, so what the person authored keeps a
-- pseudonym.
CREATE TABLE people (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    job_title TEXT NOT NULL,
    ente_code TEXT REFERENCES enti (code),
    password_hash TEXT,                  -- argon2id PHC string; NULL: the person logs in by link
    privacy_version TEXT NOT NULL,
    privacy_accepted_at TEXT NOT NULL,   -- RFC 3339, UTC
    created_at TEXT NOT NULL,            -- RFC 3339, UTC
    deleted_at TEXT                      -- RFC 3339, UTC; set when the account was deleted
);
CREATE INDEX people_ente ON people (ente_code);

-- Bodies named at signup that regional staff have not validated yet.
ALTER TABLE enti ADD COLUMN pending BIGINT NOT NULL DEFAULT 0;

-- Signups now point at people; the table was empty until this migration.
DROP TABLE signups;
CREATE TABLE signups (
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    community_slug TEXT NOT NULL REFERENCES communities (slug),
    created_at TEXT NOT NULL,            -- RFC 3339, UTC
    PRIMARY KEY (person_id, community_slug)
);
CREATE INDEX signups_community ON signups (community_slug);
CREATE INDEX signups_created ON signups (created_at);

-- Roles beyond membership. `community_slug` is '' for the roles of the whole platform
-- (admin, validator) and a community's slug for coordinator and referent.
CREATE TABLE roles (
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    community_slug TEXT NOT NULL DEFAULT '',
    granted_at TEXT NOT NULL,
    PRIMARY KEY (person_id, role, community_slug)
);
CREATE INDEX roles_community ON roles (community_slug);

-- Logged-in sessions. Only a SHA-256 of the cookie's token is stored. Times in Unix seconds.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_person ON sessions (person_id);

-- One-time login links sent by email. Only a SHA-256 of the token is stored.
CREATE TABLE login_links (
    token_hash TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

-- Email waiting to be sent, and sent email, written in the same transaction as its cause.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX outbox_unsent ON outbox (sent_at, created_at);

-- Attempts counted per key (an action with an IP address or an account) in fixed windows.
CREATE TABLE throttle (
    key TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    attempts BIGINT NOT NULL
);
