package fr.civicgateway.core.follow;

import java.util.List;

/**
 * Where subscriptions are kept: at most one per (conversation key, target key), enforced by the store itself.
 *
 * <p>Implementations are thread-safe. Every method throws {@link SubscriptionStoreException} when the storage is
 * unavailable; {@link #add} returns only once the subscription is durably committed, so the citizen is told
 * "followed" only for what is really stored.
 *
 * <pre>{@code
 * if (store.add(new Subscription(key, new FollowTarget.Deputy("PA720892"), Language.FR, now))) {
 *     confirm();
 * } else {
 *     sayAlreadyFollowed();
 * }
 * for (String after = null;;) {
 *     List<Subscription> page = store.followersOf(target, after, 1000);
 *     if (page.isEmpty()) break;
 *     deliver(page);
 *     after = page.getLast().conversationKey();
 * }
 * }</pre>
 */
public interface SubscriptionStore {

    /**
     * Adds a subscription.
     *
     * @return false when this conversation already follows this target (nothing changed, the first one stays)
     */
    boolean add(Subscription subscription);

    /** @return false when this conversation did not follow this target */
    boolean remove(String conversationKey, FollowTarget target);

    /** Deletes every subscription of a conversation ({@code /stop}, a blocked bot). @return how many there were */
    int removeAll(String conversationKey);

    /** A conversation's subscriptions, oldest first (then by target key). */
    List<Subscription> list(String conversationKey);

    /**
     * One page of a target's followers, by conversation key ascending, strictly after {@code afterKey}
     * ({@code null} for the first page): keyset paging, so that a million followers never sit in memory at once.
     */
    List<Subscription> followersOf(FollowTarget target, String afterKey, int limit);

    /** How many subscriptions there are in all. */
    long count();
}
