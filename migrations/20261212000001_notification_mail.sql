-- Notifications by email: when a held one went out, what each person's digest already held, and
-- the one-click unsubscribe links (RFC 8058) the mails carry. Times in Unix seconds.

-- When the notification's own mail went out, or was passed over (read meanwhile, or its place
-- no longer readable): a held mail goes once.
ALTER TABLE notifications ADD COLUMN mailed_at BIGINT;
CREATE INDEX notifications_held ON notifications (created_at)
    WHERE mail = 'subito' AND mailed_at IS NULL AND read_at IS NULL;

-- The digest's watermark: the last notification a person's digest held.
CREATE TABLE notification_digests (
    person_id TEXT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    last_id BIGINT NOT NULL,
    sent_at BIGINT NOT NULL
);

-- The last Italian day each digest frequency ran for: of several instances, one runs it.
CREATE TABLE notification_digest_runs (
    frequency TEXT PRIMARY KEY,
    day TEXT NOT NULL
);
INSERT INTO notification_digest_runs (frequency, day) VALUES ('giornaliero', ''), ('settimanale', '');

-- A mail's unsubscribe link, by the SHA-256 of its token: what it turns off is a kind's mails,
-- or the digest when kind is NULL.
CREATE TABLE unsubscribe_links (
    token_hash TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind TEXT,
    created_at BIGINT NOT NULL,
    used_at BIGINT
);

-- The address the mail's List-Unsubscribe header points at; blanked with the body once sent.
ALTER TABLE outbox ADD COLUMN unsubscribe_url TEXT;

-- The deadline reminders already given ("scadenza:2025:bozza:3"): each once, by one instance.
CREATE TABLE notification_reminders (
    object TEXT PRIMARY KEY,
    told_at BIGINT NOT NULL
);
