package fr.civicgateway.core.follow.delivery;

import java.time.Instant;
import java.util.List;

/**
 * Digests kept for subscribers their channel cannot push to (the web widget: a closed page cannot be reached), shown
 * before the answer to their next message ({@link FollowNotices}). The hand-over of a digest to the mailbox is the
 * same transaction as marking its deliveries sent. Thread-safe; methods throw a {@link RuntimeException} when the
 * storage fails.
 */
public interface FollowMailbox {

    /** Keeps a digest for the conversation. */
    void put(String conversationKey, String text, Instant at);

    /** The conversation's digests, oldest first, now forgotten. */
    List<String> take(String conversationKey);

    /** Forgets the conversation's digests ({@code /stop}); returns how many. */
    int forget(String conversationKey);
}
