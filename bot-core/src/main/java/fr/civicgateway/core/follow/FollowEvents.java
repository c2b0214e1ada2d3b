package fr.civicgateway.core.follow;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The events found in the data and what each follower is owed of them: the durable queue between finding changes
 * ({@link FollowChanges}) and telling followers (the delivery, which groups a follower's deliveries into one digest).
 * Shared by every instance of the gateway: each step is done once however many instances race on it.
 *
 * <ol>
 *   <li>{@link #record}: insert-if-absent by the event's key; two instances finding the same change record it once.</li>
 *   <li>{@link #fanOut}: an instance claims recorded events not yet fanned out (a lease: a dead instance's claim
 *       expires and another takes it over), writes one delivery per (follower, event) in batches, keyset-paging
 *       {@link SubscriptionStore#followersOf} for each target, then marks the event fanned out. A follower who
 *       follows two of an event's targets (the deputy and the topic) gets one delivery.</li>
 *   <li>{@link #claimDue}: an instance claims due, unsent deliveries under a lease, whole followers at a time (so
 *       that one digest holds all that a follower is owed).</li>
 *   <li>{@link #markSent} in the same transaction as the hand-over to the channel's durable outbox (the callback), so
 *       that a crash sends nothing twice and loses nothing; or {@link #release} to try again later (a failure, quiet
 *       hours, the next digest).</li>
 *   <li>{@link #purgeSent}: sent deliveries, and events whose deliveries are all gone, are deleted after a retention.</li>
 * </ol>
 *
 * <p>Thread-safe. Every method throws {@link FollowEventsException} when the storage fails.
 *
 * <pre>{@code
 * events.record(changes);                                // on the refresh thread, after the swap
 * events.fanOut(owner, now, Duration.ofMinutes(5), 100);  // on a scheduler
 * for (FollowEvents.Owed owed : events.claimDue(owner, now, Duration.ofMinutes(5), 50)) {
 *     List<Long> ids = owed.deliveries().stream().map(FollowEvents.Delivery::id).toList();
 *     try {
 *         events.markSent(owner, ids, now, () -> outbox.enqueue(digest(owed)));
 *     } catch (RuntimeException e) {
 *         events.release(owner, ids, now.plusSeconds(60));
 *     }
 * }
 * }</pre>
 */
public interface FollowEvents {

    /**
     * Records the events not yet recorded (by key); an event already recorded is left as it was.
     *
     * @return how many were new
     */
    int record(Collection<FollowEvent> events);

    /**
     * Claims up to {@code maxEvents} recorded events not yet fanned out (or whose claim's lease has expired), writes
     * their deliveries, due at {@code now}, and marks them fanned out.
     *
     * @return what was done, for logs and benchmarks
     */
    FanOut fanOut(String owner, Instant now, Duration lease, int maxEvents);

    /**
     * Claims the due, unsent deliveries of up to {@code maxFollowers} followers (those whose lease has expired
     * included), every due delivery of each, for {@code owner} until {@code now + lease}.
     *
     * @return one entry per follower, by conversation key; each follower's deliveries by event, oldest first
     */
    List<Owed> claimDue(String owner, Instant now, Duration lease, int maxFollowers);

    /**
     * Marks deliveries sent and runs {@code handOver} in the same transaction (the channel's durable outbox written
     * through the same database): both are committed or neither is.
     *
     * @return what {@code handOver} returned
     * @throws LeaseLost when one of the deliveries is no longer this owner's or is already sent: nothing is done
     *                   and {@code handOver} is not run
     */
    <T> T markSent(String owner, Collection<Long> deliveryIds, Instant now, Supplier<T> handOver);

    /** Gives deliveries back, due again at {@code dueAgain}; ids no longer this owner's are left alone. */
    void release(String owner, Collection<Long> deliveryIds, Instant dueAgain);

    /**
     * Deletes deliveries sent before {@code sentBefore}, and the fanned-out events recorded before it that no
     * delivery refers to any more.
     *
     * @return how many deliveries were deleted
     */
    int purgeSent(Instant sentBefore);

    /** One follower's due deliveries, claimed together. */
    record Owed(String conversationKey, List<Delivery> deliveries) {
        public Owed {
            Objects.requireNonNull(conversationKey, "conversationKey");
            deliveries = List.copyOf(deliveries);
        }
    }

    /**
     * One event owed to one follower.
     *
     * @param target the followed target through which the follower got it (the first one written)
     */
    record Delivery(long id, String conversationKey, FollowEvent event, FollowTarget target, Instant dueAt) {
    }

    /**
     * @param events     events fanned out by this call
     * @param deliveries deliveries written (a follower reached through two targets counts once)
     */
    record FanOut(int events, long deliveries) {
    }

    /** Deliveries no longer held by the caller (their lease expired and another instance took them, or sent). */
    final class LeaseLost extends FollowEventsException {
        public LeaseLost(String message) {
            super(message);
        }
    }
}
