-- News posts: regional staff publish for the whole system, coordinators for their community.

-- Post numbers are taken from this counter (a row lock), as meetings' are.
CREATE TABLE news_counter (
    id BIGINT PRIMARY KEY,
    last_number BIGINT NOT NULL
);
INSERT INTO news_counter (id, last_number) VALUES (1, 0);

CREATE TABLE news_posts (
    id BIGINT PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    body TEXT NOT NULL,                  -- the small markdown of the plans
    published_at TEXT,                   -- RFC 3339, UTC; NULL while a draft
    revision BIGINT NOT NULL,            -- 0, then one more at every change
    created_by TEXT REFERENCES people (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX news_posts_published_at ON news_posts (published_at);

-- The communities a post concerns (none: the whole system).
CREATE TABLE news_communities (
    post_id BIGINT NOT NULL REFERENCES news_posts (id),
    community_slug TEXT NOT NULL REFERENCES communities (slug),
    PRIMARY KEY (post_id, community_slug)
);
CREATE INDEX news_communities_slug ON news_communities (community_slug);

-- The meetings a post tells about.
CREATE TABLE news_meetings (
    post_id BIGINT NOT NULL REFERENCES news_posts (id),
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    PRIMARY KEY (post_id, meeting_id)
);
