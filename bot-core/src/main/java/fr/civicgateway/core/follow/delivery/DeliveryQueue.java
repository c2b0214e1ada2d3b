package fr.civicgateway.core.follow.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The deliveries owed to subscribers, as the delivery loop consumes them (the application adapts the follow events'
 * queue to it): claimed with a lease, whole subscribers at a time (an instance that dies after a claim loses nothing:
 * once the lease runs out another claims them again), then marked sent in the same transaction as the message is
 * handed to the channel's durable outbox, so that nothing is sent twice nor lost.
 *
 * <p>Implementations are thread-safe and safe across instances sharing one database; every method throws a
 * {@link RuntimeException} when the storage fails, and nothing is then claimed or marked.
 */
public interface DeliveryQueue {

    /** Every due delivery of at most {@code maxSubscribers} subscribers, claimed until {@code now + lease}; one list each. */
    List<List<DueDelivery>> claimDue(String owner, Instant now, Duration lease, int maxSubscribers);

    /**
     * Marks the deliveries sent and runs {@code handOver} in the same transaction: both are committed or neither.
     *
     * @throws RuntimeException when they are no longer {@code owner}'s (nothing done, {@code handOver} not run) or
     *                          the storage fails
     */
    void markSent(String owner, Collection<Long> ids, Instant now, Runnable handOver);

    /** Gives deliveries back, due again at {@code dueAgain}; those no longer {@code owner}'s are left alone. */
    void release(String owner, Collection<Long> ids, Instant dueAgain);
}
