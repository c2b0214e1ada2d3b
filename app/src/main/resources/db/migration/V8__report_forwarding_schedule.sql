-- The forwarding outbox's schedule, in the database so that it survives a restart and is shared by instances: a
-- report taken in the chat is due at forward_next_at (set while it waits, null once delivered or refused); each
-- attempt is counted and moves it later (the shared back-off); a permanent refusal by the municipality's endpoint
-- (a 4xx) is kept in forward_refused with the endpoint's reason, and the report is never sent again.
--
-- Portable SQL: this file runs unchanged on H2 2.x and PostgreSQL (both are tested).
ALTER TABLE report ADD COLUMN forward_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE report ADD COLUMN forward_next_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE report ADD COLUMN forward_refused VARCHAR(300);

-- Reports still in the outbox are due at once, oldest first.
UPDATE report SET forward_next_at = created_at WHERE external_id IS NULL AND channel <> 'open311';

-- The outbox reads the due reports by their next attempt; delivered and refused ones (null) stay out of it.
CREATE INDEX report_forward_due ON report (forward_next_at);
