package fr.civicgateway.connectors.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.civicgateway.core.retry.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The poll loop against the fake Bot API, its waits on simulated time ({@link ManualScheduler}): an update is
 * confirmed (a later offset asked for) only once its answer is stored, and Telegram's own {@code retry_after} on
 * getUpdates is honoured.
 */
class TelegramLongPollingTest {

    private final TelegramHarness bot;
    private final ManualScheduler time = new ManualScheduler();

    TelegramLongPollingTest() throws Exception {
        bot = new TelegramHarness();
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void waitsTheRetryAfterTelegramGivesOnGetUpdates() {
        bot.api.answerNext("getupdates", 429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: "
                + "retry after 7\",\"parameters\":{\"retry_after\":7}}");
        TelegramLongPolling polling = polling(bot.store);
        polling.start();

        time.runNext(); // start-up: the stored messages taken back
        time.runNext(); // the first poll, refused
        assertThat(bot.api.polls()).hasSize(1);
        assertThat(time.nextAt()).isEqualTo(Duration.ofSeconds(7));

        time.runNext();
        polling.stop();
        assertThat(bot.api.polls()).hasSize(2);
    }

    @Test
    void confirmsAnUpdateOnlyOnceItsAnswerIsStored() {
        AtomicBoolean storeDown = new AtomicBoolean(true);
        InMemoryTelegramStore failingOnce = new InMemoryTelegramStore() {
            @Override
            public synchronized List<Stored> complete(Long updateId, String owner, List<Outgoing> messages, Instant now,
                                                      Duration lease) {
                if (storeDown.getAndSet(false)) {
                    throw new TelegramStoreException("database down", null);
                }
                return super.complete(updateId, owner, messages, now, lease);
            }
        };
        // Telegram serves an unconfirmed update again at each poll.
        String update = "[" + TelegramHarness.textUpdate(41, 42, "Résultat du scrutin 3876 ?", "fr") + "]";
        bot.api.serveUpdates(update);
        bot.api.serveUpdates(update);
        TelegramHarness.Rebuilt rebuilt = bot.rebuildWith(failingOnce);
        TelegramLongPolling polling = new TelegramLongPolling(bot.client, rebuilt.processor(), rebuilt.outbox(), failingOnce,
                time, null, new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)));
        polling.start();

        time.runNext(); // start-up
        time.runNext(); // the update comes, its answer cannot be stored: not confirmed, polled again after a back-off
        assertThat(time.nextAt()).isEqualTo(Duration.ofSeconds(1));
        time.runNext(); // the update comes again, its answer is stored
        time.runNext(); // confirmed by the next poll's offset
        polling.stop();

        List<JsonNode> polls = bot.api.polls();
        assertThat(polls).extracting(p -> p.path("offset").asInt()).startsWith(0, 0, 42);
        assertThat(bot.await("sendmessage", 1)).extracting(FakeBotApi.Call::text).containsExactly(TestDialogues.VOTE_ANSWER);
    }

    private TelegramLongPolling polling(TelegramStore store) {
        return new TelegramLongPolling(bot.client, bot.processor, bot.outbox, store, time, null,
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5)));
    }
}
