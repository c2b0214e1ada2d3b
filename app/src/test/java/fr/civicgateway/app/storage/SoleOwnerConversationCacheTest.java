package fr.civicgateway.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.ConversationStore;
import fr.civicgateway.core.dialogue.InMemoryConversationStore;
import fr.civicgateway.core.nlu.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * On the embedded database only this process writes conversations: the cache answers from memory what it saved, asks
 * the database only for a conversation that may be there, and never serves a state the database would not.
 */
class SoleOwnerConversationCacheTest {

    static final Duration IDLE = Duration.ofHours(2);
    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    /** The database behind, counting its reads. */
    static final class CountingStore implements ConversationStore {
        final InMemoryConversationStore rows;
        final AtomicInteger reads = new AtomicInteger();

        CountingStore(Ticker ticker) {
            rows = new InMemoryConversationStore(1_000, IDLE, ticker);
        }

        public Optional<ConversationState> find(String key) {
            reads.incrementAndGet();
            return rows.find(key);
        }

        public void save(String key, ConversationState state) {
            rows.save(key, state);
        }
    }

    final AtomicLong nanos = new AtomicLong();
    final Ticker ticker = nanos::get;
    final CountingStore database = new CountingStore(ticker);

    static ConversationState talkingAbout(String deputy) {
        return ConversationState.start(Language.FR, NOW).withDeputy(deputy);
    }

    @Test
    void aNewConversationIsAnsweredWithoutReadingTheDatabase() {
        var cache = new SoleOwnerConversationCache(database, List.of(), 10, IDLE, 1_000, ticker);

        assertThat(cache.find("web:new")).isEmpty();
        assertThat(database.reads).hasValue(0);
    }

    @Test
    void whatItSavedIsReadBackFromMemoryAndReachesTheDatabase() {
        var cache = new SoleOwnerConversationCache(database, List.of(), 10, IDLE, 1_000, ticker);

        cache.save("web:c1", talkingAbout("PA720892"));

        assertThat(cache.find("web:c1")).map(ConversationState::lastDeputyUid).contains("PA720892");
        assertThat(database.reads).hasValue(0);
        assertThat(database.rows.find("web:c1")).map(ConversationState::lastDeputyUid).contains("PA720892");
    }

    @Test
    void aConversationStoredBeforeTheStartIsReadFromTheDatabase() {
        database.save("web:before-restart", talkingAbout("PA1008"));
        var cache = new SoleOwnerConversationCache(database, List.of("web:before-restart"), 10, IDLE, 1_000, ticker);

        assertThat(cache.find("web:before-restart")).map(ConversationState::lastDeputyUid).contains("PA1008");
        assertThat(database.reads).hasValue(1);
    }

    @Test
    void aConversationPushedOutOfTheCacheIsStillFoundInTheDatabase() {
        var cache = new SoleOwnerConversationCache(database, List.of(), 2, IDLE, 1_000, ticker);
        for (int i = 0; i < 50; i++) {
            cache.save("web:c" + i, talkingAbout("PA" + i));
        }

        for (int i = 0; i < 50; i++) {
            assertThat(cache.find("web:c" + i)).map(ConversationState::lastDeputyUid).contains("PA" + i);
        }
    }

    @Test
    void anIdleConversationIsForgottenAsTheDatabaseForgetsIt() {
        var cache = new SoleOwnerConversationCache(database, List.of(), 10, IDLE, 1_000, ticker);
        cache.save("web:c1", talkingAbout("PA720892"));

        nanos.addAndGet(IDLE.plusSeconds(1).toNanos());

        assertThat(cache.find("web:c1")).isEmpty();
    }
}
