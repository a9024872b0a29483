-- Notifications: what concerns a person, under the header's bell and by email. Times in Unix
-- seconds. Who did it is an id, its name read when shown, so erasing a person erases it here.

-- Notification numbers are taken in blocks from this counter (a row lock), so they commit in
-- order.
CREATE TABLE notification_counter (
    id BIGINT PRIMARY KEY,
    last_id BIGINT NOT NULL
);
INSERT INTO notification_counter (id, last_id) VALUES (1, 0);

CREATE TABLE notifications (
    id BIGINT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    community_slug TEXT REFERENCES communities (slug),
    object TEXT NOT NULL,                -- what it is about ("notizia:12"): repeats fold on it
    scope TEXT NOT NULL,                 -- what the person must still be allowed to read
    subject TEXT NOT NULL,               -- the object's title
    href TEXT NOT NULL,                  -- the exact place, a path of the site
    place TEXT NOT NULL,                 -- its path alone: reading that page marks it read
    actor_id TEXT REFERENCES people (id),
    created_at BIGINT NOT NULL,
    in_app BIGINT NOT NULL,              -- 1: under the bell
    mail TEXT NOT NULL,                  -- 'subito', 'riepilogo' or 'no'
    read_at BIGINT
);
CREATE INDEX notifications_person ON notifications (person_id, id);
CREATE INDEX notifications_person_place ON notifications (person_id, place);
CREATE INDEX notifications_object ON notifications (object, kind);

-- A person's choices; no row means the defaults.
CREATE TABLE notification_settings (
    person_id TEXT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    digest TEXT NOT NULL                 -- 'no', 'giornaliero', 'settimanale'
);
CREATE TABLE notification_kinds (
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    in_app BIGINT NOT NULL,
    mail TEXT NOT NULL,
    PRIMARY KEY (person_id, kind)
);
CREATE TABLE notification_muted (
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    community_slug TEXT NOT NULL REFERENCES communities (slug),
    PRIMARY KEY (person_id, community_slug)
);

