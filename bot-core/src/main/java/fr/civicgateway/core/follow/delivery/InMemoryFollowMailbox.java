package fr.civicgateway.core.follow.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link FollowMailbox} in memory (tests, and a gateway without a database): lost on a restart. */
public final class InMemoryFollowMailbox implements FollowMailbox {

    private final Map<String, List<String>> boxes = new ConcurrentHashMap<>();

    @Override
    public void put(String conversationKey, String text, Instant at) {
        boxes.compute(conversationKey, (k, list) -> {
            List<String> l = list == null ? new ArrayList<>() : list;
            l.add(text);
            return l;
        });
    }

    @Override
    public List<String> take(String conversationKey) {
        List<String> taken = boxes.remove(conversationKey);
        return taken == null ? List.of() : List.copyOf(taken);
    }

    @Override
    public int forget(String conversationKey) {
        return take(conversationKey).size();
    }
}
