package fr.civicgateway.connectors.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import fr.civicgateway.connectors.web.ConversationRateLimiter;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.follow.InMemorySubscriptionStore;
import fr.civicgateway.core.follow.SubscriptionStore;
import fr.civicgateway.core.follow.delivery.FollowMailbox;
import fr.civicgateway.core.retry.Backoff;
import fr.civicgateway.core.text.MessageCatalogue;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Wires the Telegram channel, only when {@code TELEGRAM_BOT_TOKEN} is set: without it no bean of this channel exists
 * and nothing calls Telegram. The mode ({@code civic.telegram.mode}) picks long polling or the webhook endpoint
 * ({@link TelegramWebhookController}); both feed the same {@link UpdateProcessor}.
 *
 * <p>Executors are created here and shut down with the context. Missing or inconsistent settings fail start-up
 * with a message naming the setting.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramTokenCondition.class)
@EnableConfigurationProperties(TelegramProperties.class)
@EnableScheduling
class TelegramConfiguration {

    /** Longer than the 50 s a getUpdates poll may wait for an update. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(75);
    /** A chat silent this long is no longer pushed to: its news wait for its next message. */
    private static final Duration KNOWN_CHAT_EXPIRY = Duration.ofDays(7);
    private static final long KNOWN_CHATS = 100_000;
    /** The longest wait between two attempts of a failing call to Telegram. */
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(TelegramConfiguration.class);

    @Bean
    TelegramSecrets telegramSecrets(Environment env) {
        return TelegramSecrets.from(env);
    }

    @Bean
    TelegramJson telegramJson() {
        return new TelegramJson(new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
    }

    @Bean
    TelegramUrl telegramUrl(TelegramProperties p) {
        URI api = p.apiUrl();
        int port = api.getPort() != -1 ? api.getPort() : "https".equals(api.getScheme()) ? 443 : 80;
        return new TelegramUrl(api.getScheme(), api.getHost(), port, false);
    }

    /** Derived from the application's shared OkHttpClient when there is one, so that connection pools are shared. */
    @Bean
    TelegramHttp telegramHttp(ObjectProvider<OkHttpClient> shared) {
        OkHttpClient base = shared.getIfUnique();
        OkHttpClient client = (base == null ? new OkHttpClient.Builder() : base.newBuilder()).readTimeout(READ_TIMEOUT).build();
        return new TelegramHttp(client, base == null);
    }

    @Bean
    TelegramClient telegramClient(TelegramJson json, TelegramHttp http, TelegramSecrets secrets, TelegramUrl url) {
        return new OkHttpTelegramClient(json.mapper(), http.client(), secrets.botToken(), url);
    }

    /**
     * One scheduler thread plans the outbound queue's waits and the typing indicator (short tasks); answers are
     * computed on virtual threads, as the dialogue may block on data and chats must not wait for each other.
     *
     * <p>Why this thread and not Spring's {@code TaskScheduler}: nothing on it is periodic. It runs one-shot waits
     * (a chat's next send slot, a {@code retry_after}, a back-off, the typing indicator's delay) planned per message,
     * thousands a minute under load; Actuator lists periodic tasks only, so they would not show there anyway. On
     * Spring's shared pool a slow task (a local source's fetch, an Open311 pass) would delay a rate-limited send,
     * and Spring's scheduler refuses new tasks as soon as the context closes, whereas answers finishing during the
     * web server's graceful shutdown still plan their sends here until this bean closes (what is not sent by then
     * stays in the {@link TelegramStore} and leaves after the restart). The periodic work of this channel, the
     * store's maintenance, is on Spring's scheduler ({@link #telegramMaintenanceSchedule}).
     */
    @Bean
    TelegramExecutors telegramExecutors() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("telegram-scheduler-", 0).daemon(true).factory());
        // Cancelled typing indicators would otherwise stay in the queue until their time.
        scheduler.setRemoveOnCancelPolicy(true);
        return new TelegramExecutors(scheduler,
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("telegram-answer-", 0).factory()));
    }

    @Bean
    ChatPseudonyms telegramChatPseudonyms(Environment env) {
        return ChatPseudonyms.fromSecret(env.getProperty(ChatPseudonyms.SECRET_VARIABLE));
    }

    @Bean
    QuickReplyButtons telegramQuickReplyButtons(TelegramProperties p, TelegramStoreHolder store, ObjectProvider<Clock> clock) {
        return new QuickReplyButtons(store.store(), clock.getIfAvailable(Clock::systemUTC), p.quickReplyExpiry());
    }

    /**
     * Where updates, waiting messages and long buttons are kept: the application's database when it provides a
     * {@link TelegramStore}, else this process's memory (lost on a restart; fine for tests and a demo).
     */
    @Bean
    TelegramStoreHolder telegramStoreHolder(ObjectProvider<TelegramStore> store) {
        TelegramStore given = store.getIfAvailable();
        if (given == null) {
            log.warn("no database store for Telegram: messages waiting to be sent are lost on a restart");
            return new TelegramStoreHolder(new InMemoryTelegramStore(), UUID.randomUUID().toString());
        }
        return new TelegramStoreHolder(given, UUID.randomUUID().toString());
    }

    @Bean
    TelegramOutbox telegramOutbox(TelegramClient client, TelegramStoreHolder store, TelegramJson json,
                                  TelegramExecutors executors, ObjectProvider<Ticker> ticker, ObjectProvider<Clock> clock,
                                  ChatPseudonyms pseudonyms, TelegramProperties p, ObjectProvider<ChartPngs> charts) {
        return new TelegramOutbox(client, store.store(), json.mapper(), store.owner(),
                clock.getIfAvailable(Clock::systemUTC), Scheduler.of(executors.scheduler()),
                ticker.getIfAvailable(Ticker::systemTicker), pseudonyms,
                new TelegramOutbox.Limits(p.messagesPerSecond(), p.perChatInterval(), p.groupInterval(), p.maxRetries(),
                        new Backoff(p.retryBackoff(), MAX_BACKOFF.compareTo(p.retryBackoff()) < 0 ? p.retryBackoff() : MAX_BACKOFF),
                        p.lease()),
                charts.getIfAvailable(() -> ChartPngs.NONE));
    }

    @Bean
    TelegramMaintenance telegramMaintenance(TelegramOutbox outbox, TelegramStoreHolder store, ObjectProvider<Clock> clock,
                                            TelegramProperties p) {
        return new TelegramMaintenance(outbox, store.store(), clock.getIfAvailable(Clock::systemUTC), p.lease(),
                p.quickReplyExpiry());
    }

    /**
     * The store's maintenance every third of a lease, on Spring's {@code TaskScheduler} (listed by Actuator as
     * {@code telegram-store-maintenance}); the first run one period after start-up, when the outbox has recovered.
     */
    @Bean
    SchedulingConfigurer telegramMaintenanceSchedule(TelegramMaintenance maintenance) {
        return tasks -> tasks.addFixedDelayTask(new FixedDelayTask(maintenance, maintenance.period(), maintenance.period()));
    }

    /** The bot's own id and username, asked of Telegram at start-up (see {@link TelegramBotSetup}). */
    @Bean
    BotIdentity telegramBotIdentity(TelegramClient client) {
        return new BotIdentity(client);
    }

    /** The chats heard from lately, to push a report's new status to; in memory only. */
    @Bean
    KnownChats telegramKnownChats(ObjectProvider<Ticker> ticker) {
        return new KnownChats(KNOWN_CHATS, KNOWN_CHAT_EXPIRY, ticker.getIfAvailable(Ticker::systemTicker));
    }

    @Bean
    TelegramNotifier telegramNotifier(KnownChats chats, QuickReplyButtons buttons, TelegramOutbox outbox) {
        return new TelegramNotifier(chats, new ReplyRenderer(buttons), outbox);
    }

    @Bean
    UpdateProcessor telegramUpdateProcessor(Dialogue dialogue, ChatPseudonyms pseudonyms, QuickReplyButtons buttons,
                                            TelegramOutbox outbox, TelegramClient client, TelegramExecutors executors,
                                            TelegramProperties p, Environment env, KnownChats knownChats,
                                            TelegramStoreHolder store, ObjectProvider<Clock> clock, BotIdentity me,
                                            ObjectProvider<Ticker> ticker, ObjectProvider<MessageCatalogue> messages) {
        // The privacy note states how long the core keeps a conversation: read the core's own setting.
        Duration expiry = env.getProperty("civic.conversations.idle-expiry", Duration.class, Duration.ofHours(2));
        return new UpdateProcessor(dialogue, new UpdateTranslator(pseudonyms, buttons, knownChats, me), new ReplyRenderer(buttons),
                outbox, client, store.store(), store.owner(), clock.getIfAvailable(Clock::systemUTC), p.lease(),
                new ChatSerialExecutor(executors.workers()),
                Scheduler.of(executors.scheduler()), p.typingDelay(), new TelegramWording(expiry, messages.getIfAvailable(MessageCatalogue::shipped)), pseudonyms, knownChats, me,
                new ConversationRateLimiter(p.userRateLimitBurst(), p.userRateLimitInterval(), KNOWN_CHATS,
                        ticker.getIfAvailable(Ticker::systemTicker)));
    }

    /**
     * Following on Telegram: the chat addresses of conversations that follow something (the application's encrypted
     * table, else memory), kept in step after each turn and deleted by {@code /stop}, a blocked bot or a 403; and the
     * digests' push through the outbox. Without a subscription store (a connector test) nobody follows anything.
     */
    @Bean
    TelegramFollows telegramFollows(ObjectProvider<SubscriptionStore> subscriptions, ObjectProvider<ChatAddresses> addresses,
                                    ChatPseudonyms pseudonyms, TelegramOutbox outbox, QuickReplyButtons buttons,
                                    UpdateProcessor processor, ObjectProvider<Clock> clock,
                                    ObjectProvider<FollowMailbox> mailbox) {
        FollowMailbox box = mailbox.getIfAvailable();
        TelegramFollows follows = new TelegramFollows(subscriptions.getIfAvailable(InMemorySubscriptionStore::new),
                addresses.getIfAvailable(InMemoryChatAddresses::new), pseudonyms, outbox, new ReplyRenderer(buttons),
                clock.getIfAvailable(Clock::systemUTC), key -> {
                    if (box != null) {
                        box.forget(key);
                    }
                });
        processor.follows(follows);
        outbox.onUnreachable(follows::stopChat);
        return follows;
    }

    /** The gateway's public base URL, which the webhook's defaults to (the app's {@code PublicUrlProperties}). */
    static final String PUBLIC_URL = "civic.public-url";

    @Bean
    TelegramBotSetup telegramBotSetup(TelegramClient client, TelegramProperties p, TelegramSecrets secrets, BotIdentity me,
                                      ObjectProvider<MessageCatalogue> messageCatalogue, Environment env) {
        MessageCatalogue messages = messageCatalogue.getIfAvailable(MessageCatalogue::shipped);
        if (p.mode() != TelegramProperties.Mode.WEBHOOK || !p.webhook().register()) {
            return new TelegramBotSetup(client, null, null, me, messages);
        }
        // The webhook's own address, else the gateway's public one (civic.public-url, checked by the app).
        URI publicUrl = p.webhook().publicUrl() != null ? p.webhook().publicUrl()
                : env.getProperty(PUBLIC_URL, URI.class);
        if (publicUrl == null || !"https".equals(publicUrl.getScheme())) {
            throw new IllegalStateException("civic.telegram.webhook.public-url (by default " + PUBLIC_URL + ") must be "
                    + "an https URL when civic.telegram.webhook.register is true (Telegram only calls HTTPS webhooks): "
                    + publicUrl);
        }
        if (secrets.webhookSecret() == null) {
            throw new IllegalStateException(TelegramSecrets.WEBHOOK_SECRET + " must be set in webhook mode");
        }
        String base = publicUrl.toString().replaceAll("/+$", "");
        return new TelegramBotSetup(client, URI.create(base + p.webhook().path()), secrets.webhookSecret(), me, messages);
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(TelegramTokenCondition.class) // component scanning finds nested classes on their own
    @ConditionalOnProperty(prefix = "civic.telegram", name = "mode", havingValue = "polling", matchIfMissing = true)
    static class LongPolling {

        @Bean
        TelegramLongPolling telegramLongPolling(TelegramClient client, UpdateProcessor processor, TelegramOutbox outbox,
                                                TelegramStoreHolder store, TelegramProperties p) {
            // The poll loop's own thread, shut down by TelegramLongPolling.stop.
            ScheduledExecutorService pollExecutor = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("telegram-poll").daemon(true).factory());
            return new TelegramLongPolling(client, processor, outbox, store.store(), Scheduler.of(pollExecutor), pollExecutor,
                    new Backoff(p.retryBackoff(), MAX_BACKOFF.compareTo(p.retryBackoff()) < 0 ? p.retryBackoff() : MAX_BACKOFF));
        }
    }
}
