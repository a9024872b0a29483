-- The communities' meetings: who they are for, when and where, their agenda, materials and
-- minutes, who will attend; and the secret addresses of people's own calendars.

-- Meeting numbers are taken from this counter (a row lock), so two meetings created at once
-- never get the same number.
CREATE TABLE meeting_counter (
    id BIGINT PRIMARY KEY,
    last_number BIGINT NOT NULL
);
INSERT INTO meeting_counter (id, last_number) VALUES (1, 0);

CREATE TABLE meetings (
    id BIGINT PRIMARY KEY,
    title TEXT NOT NULL,
    audience TEXT NOT NULL,              -- everyone | communities | leads (domain::meeting)
    starts_at BIGINT NOT NULL,           -- Unix seconds
    ends_at BIGINT NOT NULL,
    place TEXT NOT NULL,                 -- the room or building, '' when online only
    address TEXT NOT NULL,
    online_url TEXT NOT NULL,            -- '' when in person only
    agenda TEXT NOT NULL,                -- the small markdown of the plans
    minutes TEXT NOT NULL,               -- written after the meeting, '' until then
    revision BIGINT NOT NULL,            -- 0, then one more at every change (iCalendar SEQUENCE)
    created_by TEXT REFERENCES people (id),
    created_at TEXT NOT NULL,            -- RFC 3339, UTC
    updated_at TEXT NOT NULL
);
CREATE INDEX meetings_starts_at ON meetings (starts_at);

-- The communities a meeting of the `communities` audience is for.
CREATE TABLE meeting_communities (
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    community_slug TEXT NOT NULL REFERENCES communities (slug),
    PRIMARY KEY (meeting_id, community_slug)
);
CREATE INDEX meeting_communities_slug ON meeting_communities (community_slug);

-- Who said they will attend.
CREATE TABLE meeting_attendance (
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    person_id TEXT NOT NULL REFERENCES people (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);

-- Materials: PDF files, checked by content, kept whole.
CREATE TABLE meeting_materials (
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    number BIGINT NOT NULL,
    title TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    size BIGINT NOT NULL,
    added_by TEXT REFERENCES people (id),
    added_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, number)
);

-- A person's own calendar: its address carries this token, which they can renew.
CREATE TABLE calendar_feeds (
    person_id TEXT PRIMARY KEY REFERENCES people (id),
    token TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
