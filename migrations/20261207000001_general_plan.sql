-- The general Activity Plan of each year: every saved state is a version, never changed or
-- removed. A version stores what regional staff wrote and what the application assembled from
-- the cycle when it was saved; the plans it holds are referenced by their versions.
CREATE TABLE general_plan_versions (
    year BIGINT NOT NULL REFERENCES cycles (year),
    number BIGINT NOT NULL,
    text TEXT NOT NULL,                  -- JSON of domain::general_plan::GeneralText
    assembled TEXT NOT NULL,             -- JSON of domain::general_plan::Assembled
    built_from TEXT NOT NULL,            -- JSON: [[community slug, plan version], ...]
    saved_at TEXT NOT NULL,              -- RFC 3339, UTC
    saved_by TEXT REFERENCES people (id),
    PRIMARY KEY (year, number)
);

-- The versions presented for validation, frozen: the first when the cycle moves to
-- "validazione", and one more after each revision of a plan sent back.
CREATE TABLE general_plan_presentations (
    year BIGINT NOT NULL,
    number BIGINT NOT NULL,
    presented_at TEXT NOT NULL,          -- RFC 3339, UTC
    PRIMARY KEY (year, number),
    FOREIGN KEY (year, number) REFERENCES general_plan_versions (year, number)
);

-- The documents of a version (PDF, ODT), built on first request and kept: versions never change.
CREATE TABLE general_plan_documents (
    year BIGINT NOT NULL,
    number BIGINT NOT NULL,
    kind TEXT NOT NULL,                  -- pdf | odt
    bytes BYTEA NOT NULL,
    built_at TEXT NOT NULL,              -- RFC 3339, UTC
    PRIMARY KEY (year, number, kind),
    FOREIGN KEY (year, number) REFERENCES general_plan_versions (year, number)
);
