package fr.civicgateway.app.follow;

import fr.civicgateway.core.follow.delivery.FollowMailbox;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The widget's waiting digests in {@code follow_mailbox} (V11). {@link #put} joins the caller's transaction (the
 * deliveries marked sent with it); {@link #take} reads and deletes in one transaction, so that two instances never
 * both show a digest. Thread-safe.
 */
final class JdbcFollowMailbox implements FollowMailbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    JdbcFollowMailbox(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public void put(String conversationKey, String text, Instant at) {
        jdbc.sql("INSERT INTO follow_mailbox (conversation_key, body, created_at) VALUES (?, ?, ?)")
                .params(conversationKey, text, at.atOffset(ZoneOffset.UTC)).update();
    }

    @Override
    public List<String> take(String conversationKey) {
        return transaction.execute(status -> {
            record Row(long id, String body) {
            }
            List<Row> rows = jdbc.sql("SELECT id, body FROM follow_mailbox WHERE conversation_key = ? ORDER BY id")
                    .param(conversationKey).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2))).list();
            // Only what this instance deleted: another one may be taking the same rows at the same time.
            return rows.stream().filter(r -> jdbc.sql("DELETE FROM follow_mailbox WHERE id = ?").param(r.id()).update() == 1)
                    .map(Row::body).toList();
        });
    }

    @Override
    public int forget(String conversationKey) {
        return jdbc.sql("DELETE FROM follow_mailbox WHERE conversation_key = ?").param(conversationKey).update();
    }
}
