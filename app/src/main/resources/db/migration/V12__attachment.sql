-- The web chat's photos (POST /api/v1/attachments): checked, stripped of their metadata (EXIF, GPS) before they get
-- here. A photo no report claims is deleted after civic.attachments.retention (24 h); one a report claims (report_id)
-- lives as long as the report and is served as its Open311 media_url.
--
-- Portable SQL: this file runs unchanged on H2 2.x and PostgreSQL (both are tested). BYTEA is PostgreSQL's binary
-- type and one of H2's names for BINARY VARYING.
CREATE TABLE attachment (
    id               VARCHAR(43)              NOT NULL,
    conversation_key VARCHAR(200)             NOT NULL,
    media_type       VARCHAR(32)              NOT NULL,
    bytes            BYTEA                    NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    report_id        BIGINT,
    CONSTRAINT attachment_pk PRIMARY KEY (id)
);
-- The retention's periodic delete reads unclaimed rows by age.
CREATE INDEX attachment_unclaimed ON attachment (report_id, created_at);
