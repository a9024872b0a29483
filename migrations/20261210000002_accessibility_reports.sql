-- Reports of accessibility problems sent from /accessibilita (the feedback mechanism of the AgID
-- model of the accessibility statement). Each is mailed to regional staff, who answer the
-- sender by replying to that mail.
CREATE TABLE accessibility_reports (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    page TEXT NOT NULL,                  -- the address where the problem is, '' if not given
    message TEXT NOT NULL,
    created_at TEXT NOT NULL             -- RFC 3339, UTC
);

-- Where answers to a message go, when not to the site's own address.
ALTER TABLE outbox ADD COLUMN reply_to TEXT;
