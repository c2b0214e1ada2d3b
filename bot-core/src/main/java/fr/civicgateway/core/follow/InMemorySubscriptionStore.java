package fr.civicgateway.core.follow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Subscriptions in memory, for tests and a gateway without a database: lost at restart. Indexed both ways, by
 * conversation and by target (sorted by conversation key, for {@link #followersOf}'s keyset paging). Thread-safe:
 * each change takes this store's lock; reads of the concurrent maps need none.
 */
public final class InMemorySubscriptionStore implements SubscriptionStore {

    private final Map<String, Map<String, Subscription>> byConversation = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<String, Subscription>> byTarget = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean add(Subscription s) {
        Map<String, Subscription> mine = byConversation.computeIfAbsent(s.conversationKey(), k -> new ConcurrentHashMap<>());
        if (mine.putIfAbsent(s.target().key(), s) != null) {
            return false;
        }
        byTarget.computeIfAbsent(s.target().key(), k -> new ConcurrentSkipListMap<>()).put(s.conversationKey(), s);
        return true;
    }

    @Override
    public synchronized boolean remove(String conversationKey, FollowTarget target) {
        Map<String, Subscription> mine = byConversation.get(conversationKey);
        if (mine == null || mine.remove(target.key()) == null) {
            return false;
        }
        if (mine.isEmpty()) {
            byConversation.remove(conversationKey);
        }
        dropFollower(target.key(), conversationKey);
        return true;
    }

    @Override
    public synchronized int removeAll(String conversationKey) {
        Map<String, Subscription> mine = byConversation.remove(conversationKey);
        if (mine == null) {
            return 0;
        }
        mine.keySet().forEach(target -> dropFollower(target, conversationKey));
        return mine.size();
    }

    private void dropFollower(String targetKey, String conversationKey) {
        NavigableMap<String, Subscription> followers = byTarget.get(targetKey);
        if (followers != null) {
            followers.remove(conversationKey);
            if (followers.isEmpty()) {
                byTarget.remove(targetKey);
            }
        }
    }

    @Override
    public List<Subscription> list(String conversationKey) {
        List<Subscription> all = new ArrayList<>(byConversation.getOrDefault(conversationKey, Map.of()).values());
        all.sort(Comparator.comparing(Subscription::since).thenComparing(s -> s.target().key()));
        return all;
    }

    @Override
    public List<Subscription> followersOf(FollowTarget target, String afterKey, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        NavigableMap<String, Subscription> followers = byTarget.get(target.key());
        if (followers == null) {
            return List.of();
        }
        var page = afterKey == null ? followers : followers.tailMap(afterKey, false);
        return page.values().stream().limit(limit).toList();
    }

    @Override
    public long count() {
        return byConversation.values().stream().mapToLong(Map::size).sum();
    }
}
