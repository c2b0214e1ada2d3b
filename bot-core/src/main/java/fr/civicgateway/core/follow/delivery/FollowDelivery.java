package fr.civicgateway.core.follow.delivery;

import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.follow.Subscription;
import fr.civicgateway.core.follow.SubscriptionStore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery loop, run every few seconds by the application on every instance: claims the due deliveries whole
 * subscribers at a time, holds a deputy's news until their digest time ({@link DeliverySchedule}), and hands each
 * subscriber's ready news to their channel as ONE message ({@link DigestWriter}) — pushed through the channel's
 * durable outbox when the channel can push ({@link FollowPush}, Telegram), else kept in the {@link FollowMailbox}
 * for their next message (the web widget). Nothing leaves during the quiet hours. Every time comes from the clock.
 *
 * <p>The hand-over and the mark "sent" are one transaction ({@link DeliveryQueue#markSent}), one per claim of
 * {@code batch} followers: an instance killed after its claim leaves the deliveries to the next instance once the
 * lease is over, and none is sent twice.
 * A failure gives the subscriber's deliveries back for a later pass and is logged without the conversation key.
 * One pass at a time per instance ({@link #pass} is synchronized); instances share the work through the claims.
 */
public final class FollowDelivery implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(FollowDelivery.class);
    /** When a hand-over failed, the subscriber's news are tried again after this. */
    private static final Duration RETRY = Duration.ofMinutes(1);
    /** A pass stops after this many claims, so that it ends even if the queue keeps filling. */
    private static final int MAX_CLAIMS_PER_PASS = 1_000;

    private final DeliveryQueue queue;
    private final SubscriptionStore subscriptions;
    private final Supplier<ParliamentData> data;
    private final Supplier<AssemblyWork> work;
    private final DigestWriter writer;
    private final DeliverySchedule schedule;
    private final Map<String, FollowPush> pushes;
    private final FollowMailbox mailbox;
    private final Clock clock;
    private final String owner;
    private final Duration lease;
    private final int batch;
    private final int maxPerPass;

    /**
     * @param pushes the channels that can push, by their conversation keys' prefix; any other channel's subscribers
     *               get their news at their next message
     * @param owner  this instance's name in the claims
     * @param batch  subscribers claimed at a time
     * @param maxPerPass digests handed over per pass at most: the loop paces what it gives the channel, so that the
     *                   bot's answers are not queued behind a million digests and quiet hours stop a long delivery
     *                   (what is left stays due, for the next pass)
     */
    public FollowDelivery(DeliveryQueue queue, SubscriptionStore subscriptions, Supplier<ParliamentData> data,
                          Supplier<AssemblyWork> work,
                          DigestWriter writer, DeliverySchedule schedule, List<FollowPush> pushes, FollowMailbox mailbox,
                          Clock clock, String owner, Duration lease, int batch, int maxPerPass) {
        if (batch < 1 || maxPerPass < 1) {
            throw new IllegalArgumentException("batch and maxPerPass must be positive: " + batch + ", " + maxPerPass);
        }
        this.queue = queue;
        this.subscriptions = subscriptions;
        this.data = data;
        this.work = work;
        this.writer = writer;
        this.schedule = schedule;
        this.pushes = pushes.stream().collect(Collectors.toUnmodifiableMap(FollowPush::channel, Function.identity()));
        this.mailbox = mailbox;
        this.clock = clock;
        this.owner = owner;
        this.lease = lease;
        this.batch = batch;
        this.maxPerPass = maxPerPass;
    }

    @Override
    public void run() {
        try {
            pass();
        } catch (RuntimeException e) {
            log.warn("follow delivery pass failed, next pass retries: {}", e.toString());
        }
    }

    /** The task's name in Actuator's list of scheduled tasks. */
    @Override
    public String toString() {
        return "follow-delivery";
    }

    /** One pass: returns how many digests were handed over. */
    public synchronized int pass() {
        Instant now = clock.instant();
        if (schedule.quiet(now)) {
            return 0;
        }
        int handed = 0;
        for (int i = 0; i < MAX_CLAIMS_PER_PASS && handed < maxPerPass; i++) {
            // Never more followers claimed than digests this pass may still hand over: nothing to give back.
            int want = Math.min(batch, maxPerPass - handed);
            List<List<DueDelivery>> claimed = queue.claimDue(owner, now, lease, want);
            List<Prepared> prepared = new ArrayList<>(claimed.size());
            for (List<DueDelivery> owed : claimed) {
                if (!owed.isEmpty()) {
                    Prepared p = prepare(owed, now);
                    if (p != null) {
                        prepared.add(p);
                    }
                }
            }
            handed += handOver(prepared, now);
            if (claimed.size() < want) {
                break;
            }
        }
        return handed;
    }

    /**
     * One follower's digest, written but not handed over yet; null when nothing is ready (held for a later digest,
     * or the digest could not be written: then given back for a later pass).
     *
     * @param ids      every delivery it settles, those dropped because the target is no longer followed included
     * @param handOver the hand-over to the channel's outbox or the mailbox; null when everything was dropped
     */
    private record Prepared(List<Long> ids, Runnable handOver) {
    }

    private Prepared prepare(List<DueDelivery> owed, Instant now) {
        String key = owed.getFirst().conversationKey();
        List<DueDelivery> ready = new ArrayList<>();
        Map<Instant, List<Long>> held = new TreeMap<>();
        for (DueDelivery d : owed) {
            hold(d, now, ready, held);
        }
        held.forEach((due, ids) -> queue.release(owner, ids, due));
        if (ready.isEmpty()) {
            return null;
        }
        List<Long> ids = ready.stream().map(DueDelivery::id).toList();
        try {
            List<Subscription> subs = subscriptions.list(key);
            // Stop means stop: news about a target unfollowed since it was found (or written by a fan-out that read
            // the subscription just before the unfollow) is owed to nobody, unless the follower still follows another
            // thing it concerns (the topic of a scrutin reached through the deputy): then it is owed through that
            // one, and scheduled as that one is. What is owed to nobody is marked sent without a hand-over.
            Set<FollowTarget> followed = subs.stream().map(Subscription::target).collect(Collectors.toSet());
            List<Long> settled = new ArrayList<>();
            List<DueDelivery> still = new ArrayList<>();
            Map<Instant, List<Long>> heldAgain = new TreeMap<>();
            for (DueDelivery d : ready) {
                Optional<DueDelivery> through = d.through(followed);
                if (through.isEmpty()) {
                    settled.add(d.id());
                } else {
                    hold(through.get(), now, still, heldAgain);
                }
            }
            heldAgain.forEach((due, later) -> queue.release(owner, later, due));
            ready = still;
            if (ready.isEmpty()) {
                return settled.isEmpty() ? null : new Prepared(settled, null);
            }
            ready.forEach(d -> settled.add(d.id()));
            ids = settled;
            Language lang = subs.getFirst().language();
            List<String> deputies = subs.stream().map(Subscription::target)
                    .filter(t -> t instanceof FollowTarget.Deputy).map(t -> ((FollowTarget.Deputy) t).uid()).toList();
            String text = writer.write(ready, lang, data.get(), work.get(), deputies, null);
            FollowPush push = pushes.get(owed.getFirst().channel());
            if (push != null && push.reachable(key)) {
                return new Prepared(ids, () -> push.push(key, text));
            }
            return new Prepared(ids, () -> mailbox.put(key, text, now));
        } catch (RuntimeException e) {
            giveBack(ids, now, e);
            return null;
        }
    }

    /**
     * Marks a claim's deliveries sent with all their hand-overs in ONE transaction (one commit per claim, not per
     * follower): a crash before its commit leaves them all unsent with no outbox row, after it they are all in the
     * outbox. When it fails (one follower's hand-over, or a lease lost to another instance), each follower is tried
     * alone, so that one follower's failure does not hold the others back. Returns the digests handed over.
     */
    private int handOver(List<Prepared> prepared, Instant now) {
        if (prepared.isEmpty()) {
            return 0;
        }
        List<Long> all = prepared.stream().flatMap(p -> p.ids().stream()).toList();
        try {
            queue.markSent(owner, all, now, () -> prepared.forEach(FollowDelivery::run));
            return (int) prepared.stream().filter(p -> p.handOver() != null).count();
        } catch (RuntimeException batchFailed) {
            int handed = 0;
            for (Prepared p : prepared) {
                try {
                    queue.markSent(owner, p.ids(), now, () -> run(p));
                    handed += p.handOver() == null ? 0 : 1;
                } catch (RuntimeException e) {
                    giveBack(p.ids(), now, e);
                }
            }
            return handed;
        }
    }

    private static void run(Prepared p) {
        if (p.handOver() != null) {
            p.handOver().run();
        }
    }

    /** Into {@code ready} when its schedule lets it leave now, else into {@code held} under the time it may. */
    private void hold(DueDelivery d, Instant now, List<DueDelivery> ready, Map<Instant, List<Long>> held) {
        Instant due = schedule.dueAt(d.target(), d.dueAt());
        if (due.isAfter(now)) {
            held.computeIfAbsent(due, t -> new ArrayList<>()).add(d.id());
        } else {
            ready.add(d);
        }
    }

    private void giveBack(List<Long> ids, Instant now, RuntimeException e) {
        log.warn("{} follow deliveries not handed over, retried in {}: {}", ids.size(), RETRY, e.toString());
        try {
            queue.release(owner, ids, now.plus(RETRY));
        } catch (RuntimeException ignored) {
            // The lease runs out by itself and the deliveries are claimed again.
        }
    }
}
