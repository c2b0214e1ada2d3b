-- One report per chat draft: the chat's report flow gives each draft an id, and a second confirmation of the same
-- draft (a double-clicked « oui », a retried request, a second instance) finds the report already stored instead of
-- storing another. Null for reports posted over Open311. Both databases allow many NULLs under a unique index.
--
-- Portable SQL: this file runs unchanged on H2 2.x and PostgreSQL (both are tested).
ALTER TABLE report ADD COLUMN draft_id VARCHAR(64);
CREATE UNIQUE INDEX report_one_per_draft ON report (draft_id);
