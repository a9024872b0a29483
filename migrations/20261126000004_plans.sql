-- The activity plans and their yearly cycle.

-- One cycle per year, in one phase at a time (see domain/cycle.rs for the phase codes).
CREATE TABLE cycles (
    year BIGINT PRIMARY KEY,
    phase TEXT NOT NULL,
    changed_at TEXT NOT NULL             -- RFC 3339, UTC: when the phase last changed
);

-- The deadline of each phase of a cycle: the Italian day it ends.
CREATE TABLE cycle_deadlines (
    year BIGINT NOT NULL REFERENCES cycles (year),
    phase TEXT NOT NULL,
    day TEXT NOT NULL,                   -- YYYY-MM-DD
    PRIMARY KEY (year, phase)
);

-- Every saved version of every plan; the current version is the highest number. Versions are
-- never changed or removed. Saving version n + 1 on top of n is how two people editing at once
-- are told apart: the second insert of the same number does nothing, and that writer is told.
CREATE TABLE plan_versions (
    year BIGINT NOT NULL REFERENCES cycles (year),
    community_slug TEXT NOT NULL REFERENCES communities (slug),
    number BIGINT NOT NULL,
    content TEXT NOT NULL,               -- JSON of domain::plan::PlanContent
    saved_at TEXT NOT NULL,              -- RFC 3339, UTC
    saved_by TEXT REFERENCES people (id),
    PRIMARY KEY (year, community_slug, number)
);

-- The version of each plan that was current when each phase started, frozen for comparison.
CREATE TABLE plan_phase_versions (
    year BIGINT NOT NULL,
    community_slug TEXT NOT NULL,
    phase TEXT NOT NULL,
    number BIGINT NOT NULL,
    PRIMARY KEY (year, community_slug, phase),
    FOREIGN KEY (year, community_slug, number) REFERENCES plan_versions (year, community_slug, number)
);
