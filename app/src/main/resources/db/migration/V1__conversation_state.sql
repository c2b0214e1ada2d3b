-- Conversation state: what the dialogue remembers of one conversation between two messages (the last deputy, an
-- open question, later an active multi-turn flow and its slots), so that a conversation survives a restart and
-- continues on another instance.
--
-- Portable SQL: this file runs unchanged on H2 2.x and PostgreSQL (both are tested). No vendor types, no MODE.
-- state_json is the ConversationState as JSON text (VARCHAR without a length is unbounded on PostgreSQL and up to
-- 1,000,000 characters on H2; a state is a few hundred bytes); format_version tells how to read it.
CREATE TABLE conversation_state (
    conversation_key VARCHAR(300)             NOT NULL,
    format_version   INTEGER                  NOT NULL,
    state_json       VARCHAR                  NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT conversation_state_pk PRIMARY KEY (conversation_key)
);

-- The idle-expiry sweep deletes by age.
CREATE INDEX conversation_state_updated_at ON conversation_state (updated_at);
