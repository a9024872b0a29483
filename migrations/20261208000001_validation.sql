-- The validation of a year's plans by the CNER table and the Cabina di Regia: their members'
-- remarks, the decisions recorded by regional staff, and the revision of plans sent back.

-- The validator's role becomes one role per body; whoever held it sits on both.
INSERT INTO roles (person_id, role, community_slug, granted_at)
    SELECT person_id, 'cabina-di-regia', community_slug, granted_at FROM roles
    WHERE role = 'validator';
UPDATE roles SET role = 'cner' WHERE role = 'validator';

-- Remarks on a plan, anchored on an item or a passage as the board's annotations are. Never
-- changed: a remark is part of the record of the validation.
CREATE TABLE validation_remarks (
    id TEXT PRIMARY KEY,
    year BIGINT NOT NULL REFERENCES cycles (year),
    number BIGINT NOT NULL,              -- the order written, from 1 in each year
    community_slug TEXT NOT NULL REFERENCES communities (slug),
    plan_version BIGINT NOT NULL,        -- the version read when the remark was written
    body TEXT NOT NULL,                  -- cner | cabina-di-regia: the body its author sits on
    anchor TEXT NOT NULL,                -- JSON of domain::board::anchor::Anchor
    text TEXT NOT NULL,
    author_id TEXT REFERENCES people (id),
    created_at TEXT NOT NULL,            -- RFC 3339, UTC
    FOREIGN KEY (year, community_slug, plan_version)
        REFERENCES plan_versions (year, community_slug, number)
);
CREATE UNIQUE INDEX validation_remarks_number ON validation_remarks (year, number);
CREATE INDEX validation_remarks_plan ON validation_remarks (year, community_slug);

-- The decisions, in the order they were recorded; never changed. The CNER table decides on
-- each plan (`community_slug`), the Cabina di Regia on the general plan (`community_slug` '').
-- `presented` is the presented version of the general plan the decision was taken on.
CREATE TABLE validation_decisions (
    year BIGINT NOT NULL REFERENCES cycles (year),
    number BIGINT NOT NULL,
    body TEXT NOT NULL,
    community_slug TEXT NOT NULL,
    outcome TEXT NOT NULL,               -- see domain::review::Outcome
    changes TEXT NOT NULL,               -- the changes requested, remarks or prescriptions
    meeting_day TEXT NOT NULL,           -- YYYY-MM-DD
    minutes TEXT NOT NULL,
    presented BIGINT NOT NULL,
    plan_version BIGINT,                 -- for the CNER table: the plan version decided on
    recorded_by TEXT REFERENCES people (id),
    recorded_at TEXT NOT NULL,           -- RFC 3339, UTC
    PRIMARY KEY (year, number),
    FOREIGN KEY (year, presented) REFERENCES general_plan_presentations (year, number)
);

-- The revision window of a plan sent back: open until its day ends or its coordinators and
-- referents hand it back, whichever comes first.
CREATE TABLE plan_revisions (
    year BIGINT NOT NULL,
    community_slug TEXT NOT NULL,
    decision BIGINT NOT NULL,            -- the decision that asked for it
    until_day TEXT NOT NULL,             -- YYYY-MM-DD, Italian time
    ends_at BIGINT NOT NULL,             -- the end of that day, Unix seconds
    returned_at TEXT,                    -- RFC 3339, UTC, when handed back
    returned_by TEXT REFERENCES people (id),
    PRIMARY KEY (year, decision),
    FOREIGN KEY (year, decision) REFERENCES validation_decisions (year, number)
);
