package fr.civicgateway.connectors.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import fr.civicgateway.core.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * The outbound queue's plan against Telegram's limits. Time is simulated: each planned send is recorded at the time
 * it was planned for and run at once, the clock jumping to that time when the test asks, so the plan is checked
 * exactly and nothing sleeps.
 */
class TelegramOutboxTest {

    private FakeBotApi api;
    private final OkHttpClient http = new OkHttpClient();
    private final ExecutorService runner = Executors.newCachedThreadPool();
    /** When each task was planned for, in simulated time since the start. */
    private final List<Duration> plannedAt = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private volatile boolean clockFollowsThePlan;
    private TelegramOutbox outbox;
    private final InMemoryTelegramStore store = new InMemoryTelegramStore();

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApi();
        Scheduler recordAndRun = (task, delay) -> {
            long at = clock.get() + delay.toNanos();
            plannedAt.add(Duration.ofNanos(at));
            return runner.submit(() -> {
                if (clockFollowsThePlan) {
                    clock.accumulateAndGet(at, Math::max);
                }
                task.run();
            });
        };
        outbox = new TelegramOutbox(new OkHttpTelegramClient(http, FakeBotApi.TOKEN, api.url()), store,
                new TelegramConfiguration().telegramJson().mapper(), "this-instance", new TestClock(Instant.parse("2026-12-07T08:00:00Z")),
                recordAndRun,
                clock::get, new ChatPseudonyms("a test key of more than sixteen bytes".getBytes(StandardCharsets.UTF_8)),
                TelegramHarness.limits(2));
    }

    @AfterEach
    void stop() {
        runner.shutdownNow();
        http.dispatcher().executorService().shutdownNow();
        api.close();
    }

    @Test
    void sendsMessagesToOneChatInOrderOneSecondApart() throws InterruptedException {
        clockFollowsThePlan = true;
        for (String text : List.of("premier", "deuxième", "troisième")) {
            outbox.submit(SendMessage.builder().chatId(42L).text(text).build());
        }

        awaitSent(3);
        assertThat(api.calls("sendmessage")).extracting(FakeBotApi.Call::text).containsExactly("premier", "deuxième", "troisième");
        // Each later message: the chat's wait (taking no global slot), then its send; then the chat's lane is dropped
        // one interval after its last message.
        assertThat(plannedAt).containsExactly(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void spreadsMessagesToManyChatsAtThirtyASecond() throws InterruptedException {
        // The clock stands still: every message is planned at once, and only the global rate spaces them.
        for (long chat = 1; chat <= 60; chat++) {
            outbox.submit(SendMessage.builder().chatId(chat).text("Bonjour").build());
        }

        awaitSent(60);
        List<Duration> expected = LongStream.range(0, 60).mapToObj(i -> Duration.ofNanos(i * (1_000_000_000L / 30))).toList();
        List<Duration> sends = plannedAt.stream().filter(d -> !d.equals(Duration.ofSeconds(1))).toList();
        // One clean-up per chat, one interval after its message; 1 s is no send's slot (the 30th is at 0.99999999 s).
        assertThat(plannedAt).filteredOn(d -> d.equals(Duration.ofSeconds(1))).hasSize(60);
        assertThat(sends).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aMessageSentWhileATakeOverRunsIsNotSentAgain() throws Exception {
        clockFollowsThePlan = true;
        CountDownLatch markingSent = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The store as it is, except that marking a message sent waits: the moment a take-over (the periodic recovery
        // of messages whose sender died) reads the stored rows while a message has just left.
        TelegramStore slowToMarkSent = (TelegramStore) Proxy.newProxyInstance(TelegramStore.class.getClassLoader(),
                new Class<?>[] {TelegramStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sent")) {
                        markingSent.countDown();
                        release.await(5, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        outbox = outboxOver(slowToMarkSent);
        outbox.submit(SendMessage.builder().chatId(42L).text("une seule fois").build());
        assertThat(markingSent.await(5, TimeUnit.SECONDS)).as("the message was sent").isTrue();

        Future<Integer> recovered = runner.submit(() -> outbox.recover(false));
        Thread.sleep(200); // the take-over runs now, while the sent message's row is still in the store
        release.countDown();

        assertThat(recovered.get(5, TimeUnit.SECONDS)).as("messages queued again by the take-over").isZero();
        awaitSent(1);
    }

    private TelegramOutbox outboxOver(TelegramStore telegramStore) {
        Scheduler recordAndRun = (task, delay) -> {
            long at = clock.get() + delay.toNanos();
            plannedAt.add(Duration.ofNanos(at));
            return runner.submit(() -> {
                if (clockFollowsThePlan) {
                    clock.accumulateAndGet(at, Math::max);
                }
                task.run();
            });
        };
        return new TelegramOutbox(new OkHttpTelegramClient(http, FakeBotApi.TOKEN, api.url()), telegramStore,
                new TelegramConfiguration().telegramJson().mapper(), "this-instance",
                new TestClock(Instant.parse("2026-12-07T08:00:00Z")), recordAndRun, clock::get,
                new ChatPseudonyms("a test key of more than sixteen bytes".getBytes(StandardCharsets.UTF_8)),
                TelegramHarness.limits(2));
    }

    private void awaitSent(int count) throws InterruptedException {
        for (int i = 0; i < 500 && (api.calls("sendmessage").size() < count || outbox.pending() > 0); i++) {
            Thread.sleep(10);
        }
        Thread.sleep(50);
        assertThat(api.calls("sendmessage")).hasSize(count);
    }
}
