package fr.civicgateway.app.follow;

import fr.civicgateway.connectors.telegram.ChatAddresses;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The followers' Telegram addresses in {@code follow_address} (V11), the chat id sealed ({@link ChatIdSeal}). An
 * address that no longer opens (the key changed) is deleted and treated as unknown: the follower's news then wait for
 * their next message, which saves the address again. Thread-safe; shared by every instance.
 */
final class JdbcChatAddresses implements ChatAddresses {

    private static final Logger log = LoggerFactory.getLogger(JdbcChatAddresses.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ChatIdSeal seal;

    JdbcChatAddresses(DataSource dataSource, ChatIdSeal seal) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.seal = seal;
    }

    @Override
    public void save(String conversationKey, String chatKey, long chatId, Instant at) {
        String sealed = seal.seal(chatId, conversationKey);
        transaction.executeWithoutResult(status -> {
            int updated = jdbc.sql("UPDATE follow_address SET chat_key = ?, chat_id_sealed = ?, saved_at = ? WHERE conversation_key = ?")
                    .params(chatKey, sealed, at.atOffset(ZoneOffset.UTC), conversationKey).update();
            if (updated == 0) {
                try {
                    jdbc.sql("INSERT INTO follow_address (conversation_key, chat_key, chat_id_sealed, saved_at) VALUES (?, ?, ?, ?)")
                            .params(conversationKey, chatKey, sealed, at.atOffset(ZoneOffset.UTC)).update();
                } catch (org.springframework.dao.DuplicateKeyException raced) {
                    // Another instance saved it meanwhile: the same chat, as the conversation key says.
                }
            }
        });
    }

    @Override
    public Optional<Long> chatOf(String conversationKey) {
        Optional<String> sealed = jdbc.sql("SELECT chat_id_sealed FROM follow_address WHERE conversation_key = ?")
                .param(conversationKey).query(String.class).optional();
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(seal.open(sealed.get(), conversationKey));
        } catch (IllegalArgumentException e) {
            log.warn("a follower's Telegram address does not open with the current key: deleted, their news wait "
                    + "for their next message");
            delete(conversationKey);
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(String conversationKey) {
        return jdbc.sql("DELETE FROM follow_address WHERE conversation_key = ?").param(conversationKey).update() > 0;
    }

    @Override
    public List<String> deleteChat(String chatKey) {
        return transaction.execute(status -> {
            List<String> keys = jdbc.sql("SELECT conversation_key FROM follow_address WHERE chat_key = ? ORDER BY conversation_key")
                    .param(chatKey).query(String.class).list();
            jdbc.sql("DELETE FROM follow_address WHERE chat_key = ?").param(chatKey).update();
            return keys;
        });
    }
}
