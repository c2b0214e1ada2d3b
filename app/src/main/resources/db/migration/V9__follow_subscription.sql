-- What each conversation follows (issue 13): a deputy, a bill, a topic, a report, a town's news.
--
-- Portable SQL: this file runs unchanged on H2 2.x and PostgreSQL (both are tested).
-- Least personal data: conversation_key is the channel's conversation key (a keyed pseudonym on Telegram, as in
-- conversation_state), never a messenger id or a name. A row lives until the citizen stops it (one unfollow, /stop)
-- or the bot is blocked.
CREATE TABLE follow_subscription (
    conversation_key VARCHAR(300)             NOT NULL,
    -- FollowTarget.key(): deputy:PA720892, bill:DLR5L17N…, topic:agriculture, report:42, news:<source id>
    target_key       VARCHAR(300)             NOT NULL,
    -- The language the citizen followed in, for what is later sent: fr or en.
    language         VARCHAR(2)               NOT NULL,
    since            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT follow_subscription_pk PRIMARY KEY (conversation_key, target_key)
);

-- A target's followers, paged by conversation key (keyset), when an event fans out.
CREATE INDEX follow_subscription_target ON follow_subscription (target_key, conversation_key);
