-- Membership history: leaving a community keeps when, so the figures of a past day never change.

-- Signups that ended: the row moves here from `signups` when the person leaves, with the instant
-- and the Italian day (YYYY-MM-DD) they left. The signup counted from `created_on` up to the day
-- before `left_on`. Rejoining makes a new row in `signups`, so a person may have several periods
-- in one community (hence no primary key: two periods may start in the same second). Deleting
-- the account (erasure) deletes these rows too, and with them the person's past figures.
CREATE TABLE past_signups (
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    community_slug TEXT NOT NULL REFERENCES communities (slug),
    created_at TEXT NOT NULL,            -- RFC 3339, UTC
    created_on TEXT NOT NULL,            -- the signup's day in Italian local time
    left_at TEXT NOT NULL,               -- RFC 3339, UTC
    left_on TEXT NOT NULL                -- the day it ended in Italian local time
);
CREATE INDEX past_signups_person ON past_signups (person_id, created_on);

-- The tallies now hold each day's net change (signups made less signups ended; people who
-- became members of some community less people who stopped being members of any). Signups left
-- before this migration were deleted without a trace, so the tallies, which count the current
-- signups, already equal that and stay as they are.
