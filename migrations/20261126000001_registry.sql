-- The ten thematic communities and their declaratoria.
CREATE TABLE communities (
    slug TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    position BIGINT NOT NULL,
    summary TEXT NOT NULL,
    themes TEXT NOT NULL,        -- JSON array of strings
    mission TEXT NOT NULL,
    objectives TEXT NOT NULL,    -- JSON array of strings
    audience TEXT NOT NULL
);

-- The registry of public bodies (enti).
CREATE TABLE enti (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    province TEXT,               -- two-letter code; NULL for bodies of the whole region
    plausible BIGINT NOT NULL DEFAULT 0 -- 1 for illustrative entries not taken from an official list
);
CREATE INDEX enti_kind ON enti (kind);
CREATE INDEX enti_province ON enti (province);

-- One person in one community. The people themselves arrive with membership.
CREATE TABLE signups (
    person_id TEXT NOT NULL,
    community_slug TEXT NOT NULL REFERENCES communities (slug),
    created_at TEXT NOT NULL,    -- RFC 3339, UTC
    PRIMARY KEY (person_id, community_slug)
);
CREATE INDEX signups_community ON signups (community_slug);
