package fr.civicgateway.app.storage;

import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.ConversationStore;
import fr.civicgateway.core.nlu.Intent;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link ConversationStore} in the database (table {@code conversation_state}, migration V1): one row per
 * conversation key, the state as JSON text. Every instance of the gateway on the same database sees the same
 * conversations, and they survive a restart. It caches nothing: on the embedded database, which only this process can
 * open, {@link SoleOwnerConversationCache} reads from memory in front of it.
 *
 * <p>A conversation idle for {@code idleExpiry} (by {@code updated_at}, the store's clock) is no longer found, and
 * {@link #deleteIdle()} removes it. Thread-safe. Failures of the database are thrown as
 * {@link ConversationStoreException}; a row that cannot be read as a state is treated as a forgotten
 * conversation (the dialogue starts afresh, which is always safe).
 */
final class JdbcConversationStore implements ConversationStore {

    /**
     * The JSON format of the state. Fields may be added to {@link ConversationState} without changing it (readers
     * ignore fields they do not know, and a field absent from an older row reads as null). A change that older
     * rows cannot be read under bumps it, and {@link #read} converts the older format.
     */
    static final int FORMAT_VERSION = 1;

    private static final Logger log = LoggerFactory.getLogger(JdbcConversationStore.class);

    /**
     * The storage format's own mapper, independent of the web API's JSON settings. Tolerant on read: a newer
     * instance may have written fields or enum values (a new intent) this one does not know yet.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .addModule(new SimpleModule("intents")
                    .addSerializer(Intent.class, new IntentWriter())
                    .addDeserializer(Intent.class, new IntentReader()))
            .build();

    /**
     * An intent is written as the enum constant it was before intents became open names ("REPRESENTATIVE_VOTES"), so
     * the format is unchanged and an older instance reads a newer one's rows.
     */
    private static final class IntentWriter extends ValueSerializer<Intent> {
        @Override
        public void serialize(Intent intent, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(intent.name().toUpperCase(Locale.ROOT));
        }
    }

    /** Reads either case; a name no intent could have reads as none (the dialogue then simply forgets it). */
    private static final class IntentReader extends ValueDeserializer<Intent> {
        @Override
        public Intent deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = p.getValueAsString();
            try {
                return text == null ? null : Intent.named(text.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    private static final String FIND = """
            SELECT format_version, state_json FROM conversation_state
            WHERE conversation_key = ? AND updated_at >= ?""";
    private static final String DELETE_IDLE = "DELETE FROM conversation_state WHERE updated_at < ?";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final Dialect dialect;
    private final Clock clock;
    private final Duration idleExpiry;

    JdbcConversationStore(DataSource dataSource, Clock clock, Duration idleExpiry) {
        if (idleExpiry.isNegative() || idleExpiry.isZero()) {
            throw new IllegalArgumentException("idleExpiry must be positive: " + idleExpiry);
        }
        this.jdbc = JdbcClient.create(dataSource);
        this.batch = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.dialect = Dialect.of(dataSource);
        this.clock = clock;
        this.idleExpiry = idleExpiry;
    }

    @Override
    public Optional<ConversationState> find(String conversationKey) {
        Optional<StoredState> row;
        try {
            row = jdbc.sql(FIND)
                    .params(conversationKey, utc(idleSince()))
                    .query((rs, n) -> new StoredState(rs.getInt(1), rs.getString(2)))
                    .optional();
        } catch (DataAccessException e) {
            throw new ConversationStoreException("cannot read a conversation state from the database", e);
        }
        return row.flatMap(JdbcConversationStore::read);
    }

    @Override
    public void save(String conversationKey, ConversationState state) {
        String json = JSON.writeValueAsString(state);
        OffsetDateTime now = utc(clock.instant());
        try {
            upsert(conversationKey, json, now);
        } catch (DataAccessException e) {
            throw new ConversationStoreException("cannot save a conversation state to the database", e);
        }
    }

    /**
     * Saves several states in one transaction: one commit (one write to disk) for all of them. Used by
     * {@link WriteBehindConversationStore}, whose single writer thread calls it, so two calls never race.
     */
    void saveAll(Map<String, ConversationState> states) {
        if (states.isEmpty()) {
            return;
        }
        OffsetDateTime now = utc(clock.instant());
        List<Object[]> rows = new ArrayList<>(states.size());
        states.forEach((key, state) -> rows.add(new Object[] {key, FORMAT_VERSION, JSON.writeValueAsString(state), now}));
        try {
            transactions.executeWithoutResult(status -> batch.batchUpdate(dialect.upsert, rows));
        } catch (DataAccessException e) {
            throw new ConversationStoreException("cannot save conversation states to the database", e);
        }
    }

    /** The keys of every conversation not idle past the expiry. */
    List<String> liveKeys() {
        try {
            return jdbc.sql("SELECT conversation_key FROM conversation_state WHERE updated_at >= ?")
                    .param(utc(idleSince())).query(String.class).list();
        } catch (DataAccessException e) {
            throw new ConversationStoreException("cannot read the conversation keys from the database", e);
        }
    }

    /**
     * Deletes the conversations idle for longer than the expiry, and returns how many. Several instances may run
     * it at once: the delete is idempotent.
     */
    int deleteIdle() {
        try {
            return jdbc.sql(DELETE_IDLE).param(utc(idleSince())).update();
        } catch (DataAccessException e) {
            throw new ConversationStoreException("cannot delete idle conversations from the database", e);
        }
    }

    private void upsert(String key, String json, OffsetDateTime now) {
        // PostgreSQL's ON CONFLICT is atomic. H2's MERGE updates, then inserts when nothing was updated: two
        // first saves of one conversation at once (a double-clicked quick reply) can both try the insert, and the
        // loser's second attempt finds the row and updates it.
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.sql(dialect.upsert).params(key, FORMAT_VERSION, json, now).update();
                return;
            } catch (DuplicateKeyException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static Optional<ConversationState> read(StoredState row) {
        // Versions above ours come from a newer instance during a rolling upgrade: read them as well as we can.
        try {
            return Optional.of(JSON.readValue(row.json(), ConversationState.class));
        } catch (JacksonException e) {
            // Includes the state's records refusing a value. An unreadable state is a forgotten conversation; the
            // log names the problem, not the user's content.
            log.warn("a stored conversation state (format {}) cannot be read, the conversation starts afresh: {}",
                    row.formatVersion(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private Instant idleSince() {
        return clock.instant().minus(idleExpiry);
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private record StoredState(int formatVersion, String json) {
    }

    /** The one statement that differs between the two supported databases. */
    enum Dialect {
        H2("""
                MERGE INTO conversation_state (conversation_key, format_version, state_json, updated_at)
                KEY (conversation_key) VALUES (?, ?, ?, ?)"""),
        POSTGRESQL("""
                INSERT INTO conversation_state (conversation_key, format_version, state_json, updated_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (conversation_key) DO UPDATE SET format_version = EXCLUDED.format_version,
                    state_json = EXCLUDED.state_json, updated_at = EXCLUDED.updated_at""");

        final String upsert;

        Dialect(String upsert) {
            this.upsert = upsert;
        }

        static Dialect of(DataSource dataSource) {
            String product;
            try {
                product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            } catch (MetaDataAccessException e) {
                throw new ConversationStoreException("cannot connect to the database to identify it", e);
            }
            return switch (product.toLowerCase(Locale.ROOT)) {
                case "h2" -> H2;
                case "postgresql" -> POSTGRESQL;
                default -> throw new IllegalStateException(
                        "unsupported database '" + product + "': the gateway runs on H2 or PostgreSQL");
            };
        }
    }
}
