-- Delivery of the outbox: attempts with back-off, a lease so that one instance at a time sends a
-- message, and the outcome. A message's body (which may hold a login link) is blanked once sent
-- or given up. Times in Unix seconds.
ALTER TABLE outbox ADD COLUMN attempts BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN next_attempt_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN claimed_until BIGINT;
ALTER TABLE outbox ADD COLUMN failed_at BIGINT;
ALTER TABLE outbox ADD COLUMN last_error TEXT;
DROP INDEX outbox_unsent;
CREATE INDEX outbox_due ON outbox (sent_at, failed_at, next_attempt_at);
UPDATE outbox SET body = '' WHERE sent_at IS NOT NULL;
