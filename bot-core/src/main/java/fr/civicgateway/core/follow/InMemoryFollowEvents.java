package fr.civicgateway.core.follow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Follow events and deliveries in memory, for tests and a gateway without a database: lost at restart. The same
 * rules as the database's store (one event per key, one delivery per (follower, event), leases), under one lock.
 */
public final class InMemoryFollowEvents implements FollowEvents {

    private static final int PAGE = 1_000;

    private final SubscriptionStore subscriptions;
    private final Map<String, Recorded> events = new LinkedHashMap<>();
    private final Map<Long, Row> deliveries = new TreeMap<>();
    private final Set<String> delivered = new HashSet<>();
    private long nextId = 1;

    private static final class Recorded {
        final FollowEvent event;
        final Instant recordedAt;
        String claimedBy;
        Instant leaseUntil;
        boolean fannedOut;

        Recorded(FollowEvent event, Instant recordedAt) {
            this.event = event;
            this.recordedAt = recordedAt;
        }
    }

    private static final class Row {
        final long id;
        final String conversationKey;
        final FollowEvent event;
        final FollowTarget target;
        Instant dueAt;
        String claimedBy;
        Instant leaseUntil;
        Instant sentAt;

        Row(long id, String conversationKey, FollowEvent event, FollowTarget target, Instant dueAt) {
            this.id = id;
            this.conversationKey = conversationKey;
            this.event = event;
            this.target = target;
            this.dueAt = dueAt;
        }
    }

    public InMemoryFollowEvents(SubscriptionStore subscriptions) {
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    }

    @Override
    public synchronized int record(Collection<FollowEvent> found) {
        int added = 0;
        for (FollowEvent e : found) {
            if (events.putIfAbsent(e.key(), new Recorded(e, e.foundAt())) == null) {
                added++;
            }
        }
        return added;
    }

    @Override
    public FanOut fanOut(String owner, Instant now, Duration lease, int maxEvents) {
        List<Recorded> mine = new ArrayList<>();
        synchronized (this) {
            for (Recorded r : events.values()) {
                if (mine.size() == maxEvents) {
                    break;
                }
                if (!r.fannedOut && (r.claimedBy == null || r.leaseUntil.isBefore(now))) {
                    r.claimedBy = owner;
                    r.leaseUntil = now.plus(lease);
                    mine.add(r);
                }
            }
        }
        long written = 0;
        for (Recorded r : mine) {
            for (FollowTarget target : r.event.targets()) {
                for (String after = null; ; ) {
                    List<Subscription> page = subscriptions.followersOf(target, after, PAGE);
                    if (page.isEmpty()) {
                        break;
                    }
                    synchronized (this) {
                        for (Subscription s : page) {
                            if (delivered.add(s.conversationKey() + "\n" + r.event.key())) {
                                long id = nextId++;
                                deliveries.put(id, new Row(id, s.conversationKey(), r.event, target, now));
                                written++;
                            }
                        }
                    }
                    after = page.getLast().conversationKey();
                }
            }
            synchronized (this) {
                r.fannedOut = true;
                r.claimedBy = null;
            }
        }
        return new FanOut(mine.size(), written);
    }

    @Override
    public synchronized List<Owed> claimDue(String owner, Instant now, Duration lease, int maxFollowers) {
        Map<String, List<Row>> byFollower = new TreeMap<>();
        for (Row r : deliveries.values()) {
            if (r.sentAt == null && !r.dueAt.isAfter(now) && (r.claimedBy == null || r.leaseUntil.isBefore(now))) {
                byFollower.computeIfAbsent(r.conversationKey, k -> new ArrayList<>()).add(r);
            }
        }
        List<Owed> owed = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : byFollower.entrySet()) {
            if (owed.size() == maxFollowers) {
                break;
            }
            List<Delivery> ds = new ArrayList<>();
            for (Row r : e.getValue()) {
                r.claimedBy = owner;
                r.leaseUntil = now.plus(lease);
                ds.add(new Delivery(r.id, r.conversationKey, r.event, r.target, r.dueAt));
            }
            ds.sort(Comparator.comparingLong(Delivery::id));
            owed.add(new Owed(e.getKey(), ds));
        }
        return owed;
    }

    @Override
    public synchronized <T> T markSent(String owner, Collection<Long> deliveryIds, Instant now, Supplier<T> handOver) {
        for (long id : deliveryIds) {
            Row r = deliveries.get(id);
            if (r == null || r.sentAt != null || !owner.equals(r.claimedBy)) {
                throw new LeaseLost("delivery " + id + " is no longer held by this instance");
            }
        }
        T result = handOver.get();
        for (long id : deliveryIds) {
            deliveries.get(id).sentAt = now;
        }
        return result;
    }

    @Override
    public synchronized void release(String owner, Collection<Long> deliveryIds, Instant dueAgain) {
        for (long id : deliveryIds) {
            Row r = deliveries.get(id);
            if (r != null && r.sentAt == null && owner.equals(r.claimedBy)) {
                r.claimedBy = null;
                r.leaseUntil = null;
                r.dueAt = dueAgain;
            }
        }
    }

    @Override
    public synchronized int purgeSent(Instant sentBefore) {
        int before = deliveries.size();
        deliveries.values().removeIf(r -> {
            boolean old = r.sentAt != null && r.sentAt.isBefore(sentBefore);
            if (old) {
                delivered.remove(r.conversationKey + "\n" + r.event.key());
            }
            return old;
        });
        Set<String> referred = new HashSet<>();
        deliveries.values().forEach(r -> referred.add(r.event.key()));
        events.values().removeIf(r -> r.fannedOut && r.recordedAt.isBefore(sentBefore)
                && !referred.contains(r.event.key()));
        return before - deliveries.size();
    }
}
