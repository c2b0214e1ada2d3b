package fr.civicgateway.app.storage;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.ConversationStore;
import java.time.Duration;
import java.util.Optional;

/**
 * Conversation context read from memory when this process is the database's only user: the embedded H2 file
 * database, which H2 locks to one process. Nobody else can write a conversation, so what this process saved last
 * is what the database holds, and a message need not read its row back.
 *
 * <p>Recent states are kept in a bounded cache, each for the idle expiry after its last save (the database's own
 * rule). A conversation not in the cache is read from the database only if it may be there: saved before this
 * process started, or pushed out of the cache since — a {@link KeyFilter} of those keys says "certainly not" for
 * a new conversation, the most common case, without a query. Saves go through to the database unchanged (the
 * write-behind store batches them).
 *
 * <p>Never in front of PostgreSQL, where several instances share the rows: there, every message reads its row.
 */
final class SoleOwnerConversationCache implements ConversationStore {

    private final ConversationStore database;
    private final Cache<String, ConversationState> recent;
    private final KeyFilter maybeInDatabase;

    /**
     * @param database      the store behind, which every save reaches
     * @param storedKeys    the keys of the conversations the database holds now (read once, at start-up)
     * @param maximumRecent how many conversations the cache holds
     * @param idleExpiry    the store's idle expiry: a state is not served from the cache longer after its save
     * @param expectedKeys  how many keys the filter is sized for (it degrades gently beyond: more queries)
     */
    SoleOwnerConversationCache(ConversationStore database, Iterable<String> storedKeys, int maximumRecent,
                               Duration idleExpiry, int expectedKeys, Ticker ticker) {
        this.database = database;
        this.maybeInDatabase = new KeyFilter(expectedKeys);
        storedKeys.forEach(maybeInDatabase::add);
        this.recent = Caffeine.newBuilder()
                .maximumSize(maximumRecent)
                .expireAfterWrite(idleExpiry)
                .ticker(ticker)
                // Synchronous with the eviction: no moment where a saved key is in neither the cache nor the filter.
                .evictionListener((String key, ConversationState state, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        maybeInDatabase.add(key);
                    }
                })
                .build();
    }

    @Override
    public Optional<ConversationState> find(String conversationKey) {
        ConversationState mine = recent.getIfPresent(conversationKey);
        if (mine != null) {
            return Optional.of(mine);
        }
        return maybeInDatabase.mightContain(conversationKey) ? database.find(conversationKey) : Optional.empty();
    }

    @Override
    public void save(String conversationKey, ConversationState state) {
        // The database first: if it refuses a direct write, the cache must not claim a state it does not hold.
        database.save(conversationKey, state);
        recent.put(conversationKey, state);
    }
}
