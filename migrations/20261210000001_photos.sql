-- Photos of the meetings and the news covers. Only what pages serve is kept: a few widths of
-- each photo, re-encoded without metadata, under names made of their content's hash. The
-- uploaded originals are never stored.

-- Photo numbers are taken from this counter (a row lock), as meetings' are.
CREATE TABLE photo_counter (
    id BIGINT PRIMARY KEY,
    last_number BIGINT NOT NULL
);
INSERT INTO photo_counter (id, last_number) VALUES (1, 0);

CREATE TABLE photos (
    id BIGINT PRIMARY KEY,
    meeting_id BIGINT REFERENCES meetings (id),  -- NULL for a news cover
    alt TEXT NOT NULL,                   -- the alternative text; '' until described, unpublished
    caption TEXT NOT NULL,
    added_by TEXT REFERENCES people (id),
    added_at TEXT NOT NULL               -- RFC 3339, UTC
);
CREATE INDEX photos_meeting ON photos (meeting_id);

-- The widths of a photo, as served at /foto/<name>.
CREATE TABLE photo_files (
    name TEXT PRIMARY KEY,               -- <hash of the bytes>.jpg
    photo_id BIGINT NOT NULL REFERENCES photos (id),
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    bytes BYTEA NOT NULL
);
CREATE INDEX photo_files_photo ON photo_files (photo_id);

ALTER TABLE news_posts ADD COLUMN cover_photo_id BIGINT REFERENCES photos (id);
