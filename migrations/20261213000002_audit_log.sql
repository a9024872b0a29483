-- The audit log: who did what to what, from where and when, written in the same transaction as
-- the change it records. Rows are only ever inserted. The actor is an id kept as plain text (no
-- foreign key), so erasing a person neither is blocked by nor removes what they did; their name
-- is read when shown. Times in Unix seconds.
CREATE TABLE audit_log (
    id BIGINT PRIMARY KEY,                -- from audit_counter: the order rows were written in
    at BIGINT NOT NULL,
    actor_id TEXT,                        -- NULL: the system (a command, the demo)
    action TEXT NOT NULL,                 -- an `AuditAction` code
    target TEXT NOT NULL,                 -- a person id, a body's code, a cycle's year…
    before_value TEXT,
    after_value TEXT,
    address TEXT NOT NULL                 -- the client's network address
);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);
CREATE INDEX audit_log_at ON audit_log (at);

-- The last id given: taking the next one is a row lock, so ids follow the commit order.
CREATE TABLE audit_counter (
    id INTEGER PRIMARY KEY,
    last BIGINT NOT NULL
);
INSERT INTO audit_counter (id, last) VALUES (1, 0);
