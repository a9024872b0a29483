-- The numbers: tallies kept up to date by every change to signups, so the public figures for
-- any date are a few small aggregates, however many signups there are.

-- The signup's day in Italian local time (Europe/Rome), as YYYY-MM-DD.
ALTER TABLE signups ADD COLUMN created_on TEXT NOT NULL DEFAULT '';
UPDATE signups SET created_on = substr(created_at, 1, 10);
CREATE INDEX signups_created_on ON signups (created_on);

-- The day of the person's earliest current signup; NULL when they belong to no community.
ALTER TABLE people ADD COLUMN joined_on TEXT;
UPDATE people SET joined_on = (SELECT MIN(s.created_on) FROM signups s WHERE s.person_id = people.id);
-- Replaces people_ente: the same prefix, and whether a body was represented on a day is one seek.
DROP INDEX people_ente;
CREATE INDEX people_ente_joined ON people (ente_code, joined_on);

-- Signups per day and community.
CREATE TABLE tally_communities (
    day TEXT NOT NULL,
    community_slug TEXT NOT NULL,
    signups BIGINT NOT NULL,
    PRIMARY KEY (day, community_slug)
);

-- Per day and kind of body and province ('' for bodies of the whole region): the signups made
-- that day, and the people whose first signup it was.
CREATE TABLE tally_bodies (
    day TEXT NOT NULL,
    province TEXT NOT NULL,
    ente_kind TEXT NOT NULL,
    signups BIGINT NOT NULL,
    people BIGINT NOT NULL,
    PRIMARY KEY (day, province, ente_kind)
);

INSERT INTO tally_communities (day, community_slug, signups)
SELECT created_on, community_slug, COUNT(*) FROM signups GROUP BY created_on, community_slug;

INSERT INTO tally_bodies (day, province, ente_kind, signups, people)
SELECT s.created_on, COALESCE(e.province, ''), COALESCE(e.kind, ''), COUNT(*), 0
FROM signups s JOIN people p ON p.id = s.person_id LEFT JOIN enti e ON e.code = p.ente_code
GROUP BY s.created_on, COALESCE(e.province, ''), COALESCE(e.kind, '');

INSERT INTO tally_bodies (day, province, ente_kind, signups, people)
SELECT p.joined_on, COALESCE(e.province, ''), COALESCE(e.kind, ''), 0, COUNT(*)
FROM people p LEFT JOIN enti e ON e.code = p.ente_code
WHERE p.joined_on IS NOT NULL
GROUP BY p.joined_on, COALESCE(e.province, ''), COALESCE(e.kind, '')
ON CONFLICT (day, province, ente_kind) DO UPDATE SET people = excluded.people;
