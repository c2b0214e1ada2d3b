package fr.civicgateway.app.storage;

import com.github.benmanes.caffeine.cache.Ticker;
import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.app.ConversationProperties;
import fr.civicgateway.app.NamedTask;
import fr.civicgateway.core.dialogue.ConversationLocks;
import fr.civicgateway.core.dialogue.ConversationStore;
import fr.civicgateway.core.dialogue.ConversationStore.ConversationStoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.util.StringUtils;

/**
 * The gateway's database: PostgreSQL when {@code spring.datasource.url} is set, else an embedded H2 file database
 * under {@code civic.storage.directory}. Flyway (Spring Boot's auto-configuration) migrates it at start-up from
 * {@code db/migration} before any bean that uses it; the conversation store lives here.
 *
 * <p>Boot would fall back to an in-memory database when no URL is set, which loses every conversation at each
 * restart without a word: this DataSource replaces that fallback with the file database.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
@EnableScheduling
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);
    /** Conversations whose context is kept in memory on the embedded database: about 1 KiB each at most. */
    private static final int RECENT_CONVERSATIONS = 100_000;
    /** Keys the filter of stored conversations is sized for (2 MiB); it degrades gently beyond. */
    private static final int KEY_FILTER_SIZE = 1 << 20;

    /** The pseudonym key on the embedded default, or a clear stop on PostgreSQL without it (see the class). */
    @Bean
    static EmbeddedPseudonymSecret embeddedPseudonymSecret() {
        return new EmbeddedPseudonymSecret();
    }

    /** The pool; {@code spring.datasource.hikari.*} tunes it, as with Boot's own DataSource. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, StorageProperties storage) {
        if (StringUtils.hasText(properties.getUrl())) {
            return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        }
        OwnerOnly.directory(storage.directory());
        log.info("embedded H2 database in {} (set SPRING_DATASOURCE_URL for PostgreSQL)",
                storage.directory().toAbsolutePath().normalize());
        return DataSourceBuilder.create(properties.getClassLoader())
                .type(HikariDataSource.class)
                .driverClassName("org.h2.Driver")
                .url(storage.h2Url())
                .username(StringUtils.hasText(properties.getUsername()) ? properties.getUsername() : "sa")
                .password(properties.getPassword() != null ? properties.getPassword() : "")
                .build();
    }

    /**
     * H2 creates its files with the umask's mode at the first connection (Flyway's): once the migration has run,
     * they are made owner-only too, like their directory ({@link OwnerOnly}). Nothing on PostgreSQL.
     */
    @Bean
    @DependsOnDatabaseInitialization
    InitializingBean embeddedDatabaseFilesOwnerOnly(DataSourceProperties properties, StorageProperties storage) {
        return () -> {
            if (!StringUtils.hasText(properties.getUrl())) {
                OwnerOnly.directory(storage.directory());
            }
        };
    }

    @Bean
    @DependsOnDatabaseInitialization
    JdbcConversationStore jdbcConversationStore(DataSource dataSource, Clock clock, ConversationProperties conversations) {
        return new JdbcConversationStore(dataSource, clock, conversations.idleExpiry());
    }

    /** The database, written in batches (see {@link WriteBehindConversationStore}). */
    @Bean
    WriteBehindConversationStore writeBehindConversationStore(JdbcConversationStore database,
                                                              ConversationProperties conversations) {
        return new WriteBehindConversationStore(database, conversations.writeDelay(), 100_000);
    }

    /**
     * The write-behind's periodic pass: what was saved during the last {@code civic.conversations.write-delay} is
     * written in one transaction. A pass never overlaps the next (fixed delay). At shutdown Spring cancels it first,
     * then the store's own stop writes what is still pending (see {@link WriteBehindConversationStore#stop()}).
     * On PostgreSQL the store is not used and the pass finds nothing to write.
     */
    @Bean
    SchedulingConfigurer conversationWriteBehind(WriteBehindConversationStore writeBehind) {
        return tasks -> tasks.addFixedDelayTask(new NamedTask("conversation-write-behind", writeBehind::flushPending),
                writeBehind.flushInterval());
    }

    /**
     * The store the dialogue uses. On the embedded database this process is the only one that can open, context is
     * read from memory ({@link SoleOwnerConversationCache}) and written in batches; on PostgreSQL, shared by
     * instances, read from and written to the rows under the conversation's lock, so that the next message, on
     * whichever instance, reads what this one saved.
     */
    @Bean
    @Primary
    ConversationStore conversationStore(WriteBehindConversationStore writeBehind, JdbcConversationStore database,
                                        DataSourceProperties properties, ConversationProperties conversations,
                                        Ticker ticker) {
        if (StringUtils.hasText(properties.getUrl())) {
            return database;
        }
        List<String> stored = database.liveKeys();
        return new SoleOwnerConversationCache(writeBehind, stored, RECENT_CONVERSATIONS, conversations.idleExpiry(),
                Math.clamp(2L * stored.size(), KEY_FILTER_SIZE, KeyFilter.MAXIMUM_KEYS), ticker);
    }

    /**
     * One turn of a conversation at a time. On the embedded database only this process answers, so a lock in memory
     * is enough; on PostgreSQL every instance takes the conversation's lock in the database, on a pool of its own.
     */
    @Bean
    ConversationLocks conversationLocks(DataSourceProperties properties, StorageProperties storage) {
        if (!StringUtils.hasText(properties.getUrl())) {
            return ConversationLocks.inProcess();
        }
        HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("conversation-locks");
        pool.setMaximumPoolSize(storage.lockConnections());
        // Opened as turns need them, not all at start: PostgreSQL's connections are shared by every instance.
        pool.setMinimumIdle(Math.min(2, storage.lockConnections()));
        pool.setIdleTimeout(Duration.ofMinutes(1).toMillis());
        return new DatabaseConversationLocks(pool);
    }

    /** Each instance deletes idle conversations now and then; the store already ignores them in between. */
    @Bean
    SchedulingConfigurer idleConversationExpiry(JdbcConversationStore store, ConversationProperties conversations) {
        return tasks -> tasks.addFixedDelayTask(new NamedTask("idle-conversation-expiry", () -> {
            try {
                int deleted = store.deleteIdle();
                log.debug("deleted {} idle conversations", deleted);
            } catch (ConversationStoreException e) {
                // The next run retries; meanwhile idle rows are only kept longer, never read.
                log.warn("idle conversations not deleted: {}", e.getCause().toString());
            }
        }), conversations.expiryCheckInterval());
    }
}
