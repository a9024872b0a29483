-- The cross-reading board: annotations as snapshots, and the append-only events that carry
-- every change to every screen (see domain/board.rs).

-- The last event id handed out. Every change first increments it (UPDATE … RETURNING), which
-- locks the row until the change commits: writers queue, so event ids commit in order and a
-- reader that has seen event n has seen every earlier one.
CREATE TABLE board_counter (
    id INTEGER PRIMARY KEY,
    last_event BIGINT NOT NULL
);
INSERT INTO board_counter (id, last_event) VALUES (1, 0);

-- Each annotation as it is now, with its thread; never deleted (a deleted annotation keeps its
-- row, marked deleted, with its text in the history).
CREATE TABLE board_annotations (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    community_slug TEXT NOT NULL,        -- the annotated plan's community
    author_id TEXT NOT NULL,
    snapshot TEXT NOT NULL,              -- JSON of domain::board::Annotation
    event BIGINT NOT NULL                -- the event that left it in this state
);
CREATE INDEX board_annotations_year ON board_annotations (year);

-- Every change, in order: the truth the live connections catch up from. Never changed.
CREATE TABLE board_events (
    id BIGINT PRIMARY KEY,
    year INTEGER NOT NULL,
    annotation_id TEXT NOT NULL,
    person_id TEXT NOT NULL,             -- who made the change
    snapshot TEXT NOT NULL,              -- JSON of the annotation after the change
    created_at TEXT NOT NULL             -- RFC 3339, UTC
);
CREATE INDEX board_events_year ON board_events (year, id);

-- The submits applied, by the key the browser chose: a retried submit applies once.
CREATE TABLE board_submits (
    key TEXT PRIMARY KEY,
    person_id TEXT NOT NULL,
    annotation_id TEXT NOT NULL,
    event BIGINT NOT NULL
);
