package fr.civicgateway.core.follow;

import java.util.Set;

/**
 * The topics someone follows now, each once: a new scrutin is matched against them when it is found
 * ({@link FollowChanges#newScrutins}). Thread-safe; throws {@link SubscriptionStoreException} when the store fails.
 */
@FunctionalInterface
public interface FollowedTopics {

    Set<FollowTarget.Topic> topics();
}
