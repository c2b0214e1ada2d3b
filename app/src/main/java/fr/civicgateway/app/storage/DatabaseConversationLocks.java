package fr.civicgateway.app.storage;

import com.zaxxer.hikari.HikariDataSource;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.ConversationLocks;
import fr.civicgateway.core.dialogue.ConversationStore.ConversationStoreException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One conversation's turns one at a time across every instance on a shared PostgreSQL: a session advisory lock
 * ({@code pg_advisory_lock}) on a 64-bit hash of the conversation key, held from before the context is read until
 * after it is saved. A turn on another instance waits for it; a killed instance's locks go with its connections.
 *
 * <p>The lock is held on a connection of its own pool, not the pool the turn's stores use: a turn waiting for its
 * lock must not hold a connection that the turn holding the lock needs to finish. That pool's size bounds how many
 * turns an instance runs at once on PostgreSQL ({@code civic.storage.lock-connections}).
 */
final class DatabaseConversationLocks implements ConversationLocks, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConversationLocks.class);

    private final HikariDataSource connections;

    /** @param connections a pool of its own on the shared database, closed with this object */
    DatabaseConversationLocks(HikariDataSource connections) {
        this.connections = connections;
    }

    @Override
    public List<Reply> oneAtATime(String conversationKey, Supplier<List<Reply>> turn) {
        long lockId = lockId(conversationKey);
        Connection connection;
        try {
            connection = connections.getConnection();
        } catch (SQLException e) {
            throw new ConversationStoreException("cannot take the conversation's lock in the database", e);
        }
        try {
            run(connection, "SELECT pg_advisory_lock(?)", lockId);
        } catch (SQLException e) {
            connections.evictConnection(connection);
            throw new ConversationStoreException("cannot take the conversation's lock in the database", e);
        }
        try {
            return turn.get();
        } finally {
            release(connection, lockId);
        }
    }

    private void release(Connection connection, long lockId) {
        try {
            run(connection, "SELECT pg_advisory_unlock(?)", lockId);
        } catch (SQLException e) {
            // The turn is done and its replies are due: a lock that cannot be released goes with its session.
            log.warn("a conversation's lock was not released, closing its connection: {}", e.toString());
            connections.evictConnection(connection);
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.warn("a conversation lock's connection did not return to its pool: {}", e.toString());
        }
    }

    private static void run(Connection connection, String sql, long lockId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(1, lockId);
            s.executeQuery().close();
        }
    }

    /** The first 64 bits of the key's SHA-256: two conversations sharing a lock only wait for each other. */
    static long lockId(String conversationKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(conversationKey.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public void close() {
        connections.close();
    }
}
