package fr.civicgateway.connectors.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.core.testing.TestClock;
import java.io.Serializable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Telegram's limits per chat against the fake Bot API, on simulated time ({@link ManualScheduler}): each call to the
 * fake is made for real but awaited on the scheduler's thread, so the order and time of every send is exact.
 */
class TelegramOutboxLimitsTest {

    /** One attempt to send: when (simulated), to which chat, what, and whether Telegram took it. */
    record Attempt(Duration at, long chatId, String text, boolean accepted) {
    }

    private FakeBotApi api;
    private final OkHttpClient http = new OkHttpClient();
    private final ManualScheduler time = new ManualScheduler();
    private final InMemoryTelegramStore store = new InMemoryTelegramStore();
    /** The leases' clock: an hour after the sends, every lease of this instance has run out. */
    private final TestClock clock = new TestClock(Instant.parse("2026-12-07T08:00:00Z"));
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private TelegramOutbox outbox;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi();
        TelegramClient real = new OkHttpTelegramClient(http, FakeBotApi.TOKEN, api.url());
        outbox = new TelegramOutbox(awaitedOnTheCallingThread(real), store, new TelegramConfiguration().telegramJson().mapper(),
                "this-instance", clock, time, time::now,
                new ChatPseudonyms("a test key of more than sixteen bytes".getBytes(StandardCharsets.UTF_8)),
                new TelegramOutbox.Limits(30, Duration.ofSeconds(1), Duration.ofSeconds(3), 2,
                        new Backoff(Duration.ofMillis(500), Duration.ofMinutes(5)), Duration.ofMinutes(1)));
    }

    @AfterEach
    void stop() {
        http.dispatcher().executorService().shutdownNow();
        api.close();
    }

    @Test
    void aChatToldToWaitHoldsNoOtherChat() {
        api.tooManyRequestsFor(1, 1, 8);
        outbox.submit(message(1, "A1"));
        outbox.submit(message(1, "A2"));
        outbox.submit(message(2, "B1"));
        outbox.submit(message(2, "B2"));
        outbox.submit(message(2, "B3"));
        outbox.submit(message(3, "C1"));

        time.runUntil(Duration.ofSeconds(20));

        // Chat 1 waits the 8 s Telegram asked for; meanwhile chats 2 and 3 are served at their own pace.
        assertThat(attempts).filteredOn(a -> a.chatId() == 2).extracting(Attempt::text).containsExactly("B1", "B2", "B3");
        assertThat(attempts).filteredOn(a -> a.chatId() == 2).allSatisfy(a ->
                assertThat(a.at()).isLessThan(Duration.ofSeconds(8)));
        assertThat(attempts).filteredOn(a -> a.chatId() == 3).singleElement().satisfies(a ->
                assertThat(a.at()).isLessThan(Duration.ofSeconds(1)));
        assertThat(attempts).filteredOn(a -> a.chatId() == 1).extracting(Attempt::text, Attempt::accepted)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A1", false), org.assertj.core.groups.Tuple.tuple("A1", true),
                        org.assertj.core.groups.Tuple.tuple("A2", true));
        Attempt retried = attempts.stream().filter(a -> a.chatId() == 1 && a.accepted()).findFirst().orElseThrow();
        assertThat(retried.at()).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(9));
        assertThat(api.calls("sendmessage")).hasSize(7);
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void sendsAtMostTwentyMessagesAMinuteToAGroup() {
        for (int i = 1; i <= 25; i++) {
            outbox.submit(message(-1001, "G" + i));
        }
        outbox.submit(message(5, "private"));

        time.runUntil(Duration.ofSeconds(60).minusNanos(1));

        assertThat(attempts).filteredOn(a -> a.chatId() == -1001).hasSize(20);
        assertThat(attempts).filteredOn(a -> a.chatId() == 5).singleElement().satisfies(a ->
                assertThat(a.at()).isLessThan(Duration.ofSeconds(1)));
        time.runUntil(Duration.ofSeconds(120));
        assertThat(attempts).filteredOn(a -> a.chatId() == -1001).extracting(Attempt::text)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 25).mapToObj(i -> "G" + i).toList());
    }

    @Test
    void forgetsAMessageOnlyOnceTelegramHasAcknowledgedIt() {
        api.tooManyRequestsFor(1, 1, 8);
        outbox.submit(message(1, "A1"));
        outbox.submit(message(2, "B1"));

        time.runUntil(Duration.ofSeconds(1));
        // B1 is acknowledged and forgotten; A1, refused for now, is still stored: a restart would send it.
        assertThat(store.takeOver("another-instance", clock.instant().plus(Duration.ofHours(1)), Duration.ofMinutes(1), false))
                .extracting(TelegramStore.Stored::chatId).containsExactly(1L);
    }

    private static SendMessage message(long chatId, String text) {
        return SendMessage.builder().chatId(chatId).text(text).build();
    }

    /** The real client, each call awaited before it returns, and recorded with the simulated time it was made at. */
    private TelegramClient awaitedOnTheCallingThread(TelegramClient real) {
        return (TelegramClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TelegramClient.class},
                (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(real, args);
                        if (method.getName().equals("executeAsync") && args.length == 1 && args[0] instanceof BotApiMethod<?> m) {
                            CompletableFuture<?> call = (CompletableFuture<?>) result;
                            SendMessage sent = m instanceof SendMessage s ? s : null;
                            try {
                                Serializable value = (Serializable) call.get();
                                record(sent, true);
                                return CompletableFuture.completedFuture(value);
                            } catch (ExecutionException e) {
                                record(sent, false);
                                return CompletableFuture.failedFuture(e.getCause());
                            }
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void record(SendMessage sent, boolean accepted) {
        if (sent != null) {
            attempts.add(new Attempt(Duration.ofNanos(time.now()), Long.parseLong(sent.getChatId()), sent.getText(), accepted));
        }
    }
}
