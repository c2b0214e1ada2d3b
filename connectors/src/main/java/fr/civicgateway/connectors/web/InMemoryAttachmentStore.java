package fr.civicgateway.connectors.web;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link AttachmentStore} in memory (tests); nothing is ever claimed nor deleted. */
public final class InMemoryAttachmentStore implements AttachmentStore {

    private final ConcurrentHashMap<String, Stored> stored = new ConcurrentHashMap<>();

    @Override
    public void save(String id, String conversationKey, String mediaType, byte[] bytes, Instant now) {
        stored.put(id, new Stored(id, conversationKey, mediaType, bytes.clone(), now, false));
    }

    @Override
    public Optional<Stored> find(String id) {
        return Optional.ofNullable(stored.get(id));
    }
}
