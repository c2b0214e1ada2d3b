-- Follow delivery's claim (issue 13's delivery throughput): the index the claim walks.
--
-- Portable SQL: this file runs unchanged on H2 2.x and PostgreSQL (both are tested).
--
-- The claim reads the unsent rows follower by follower (ORDER BY sent_at, conversation_key, id, with sent_at IS NULL)
-- and stops at its limit (H2 read every unsent row and sorted them for each claim with V10's index). due_at is in the
-- index so that rows held for a later digest are skipped on the index; lease_until is not, because every claim writes
-- it (an index entry rewritten per row claimed cost more than reading the row). Its leading sent_at also serves the
-- purge (sent_at < ?), so V10's index goes.
CREATE INDEX follow_delivery_claim ON follow_delivery (sent_at, conversation_key, id, due_at);
DROP INDEX follow_delivery_unsent;
