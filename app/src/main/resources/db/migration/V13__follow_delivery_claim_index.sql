-- Follow delivery's claim (issue 13's delivery throughput): the index the claim walks.
--
-- Portable SQL: this file runs unchanged on H2 2.x and PostgreSQL (both are tested).
--
-- The claim reads the unsent rows follower by follower (ORDER BY sent_at, conversation_key, id, with sent_at IS NULL)
-- and stops at its limit. due_at and lease_until are in the index so that the rows held for a later digest, or leased
-- by another instance, are skipped on the index without reading the table (H2 read every unsent row and sorted them
-- for each claim with V10's index). Its leading sent_at also serves the purge (sent_at < ?), so V10's index goes.
CREATE INDEX follow_delivery_claim ON follow_delivery (sent_at, conversation_key, id, due_at, lease_until);
DROP INDEX follow_delivery_unsent;
