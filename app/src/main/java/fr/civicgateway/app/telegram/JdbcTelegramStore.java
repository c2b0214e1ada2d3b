package fr.civicgateway.app.telegram;

import fr.civicgateway.connectors.telegram.TelegramStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link TelegramStore} in the database (tables {@code telegram_update}, {@code telegram_outbox} and
 * {@code telegram_button}, migration V5), on H2 or PostgreSQL, shared by every instance. A claim is an
 * insert-if-absent on the update id (the primary key settles a race between instances); completing an update is one
 * transaction. Thread-safe; every failure of the database is a {@link TelegramStoreException} whose message holds
 * no personal data.
 */
final class JdbcTelegramStore implements TelegramStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    JdbcTelegramStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Override
    public Claim claim(long updateId, String owner, Instant now, Duration lease) {
        try {
            try {
                jdbc.sql("INSERT INTO telegram_update (update_id, owner, claimed_at, done) VALUES (?, ?, ?, FALSE)")
                        .params(updateId, owner, utc(now)).update();
                return Claim.FIRST;
            } catch (DuplicateKeyException taken) {
                // Claimed before: by this instance (a batch polled again), by a dead one, or it is done.
            }
            int retaken = jdbc.sql("""
                            UPDATE telegram_update SET owner = ?, claimed_at = ?
                            WHERE update_id = ? AND done = FALSE AND (owner = ? OR claimed_at < ?)""")
                    .params(owner, utc(now), updateId, owner, utc(now.minus(lease))).update();
            if (retaken == 1) {
                return Claim.FIRST;
            }
            Optional<Boolean> done = jdbc.sql("SELECT done FROM telegram_update WHERE update_id = ?").param(updateId)
                    .query(Boolean.class).optional();
            return done.orElse(false) ? Claim.DONE : Claim.IN_PROGRESS;
        } catch (DataAccessException e) {
            throw new TelegramStoreException("cannot claim a Telegram update in the database", e);
        }
    }

    @Override
    public void afterCommit(Runnable queue) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // complete() joined the caller's transaction (follow delivery's claim): queue after its commit only.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    queue.run();
                }
            });
        } else {
            queue.run();
        }
    }

    @Override
    public List<Stored> complete(Long updateId, String owner, List<Outgoing> messages, Instant now, Duration lease) {
        try {
            return transaction.execute(status -> {
                if (updateId != null) {
                    int mine = jdbc.sql("""
                                    UPDATE telegram_update SET done = TRUE, claimed_at = ?
                                    WHERE update_id = ? AND owner = ? AND done = FALSE""")
                            .params(utc(now), updateId, owner).update();
                    if (mine == 0) {
                        boolean known = jdbc.sql("SELECT COUNT(*) FROM telegram_update WHERE update_id = ?")
                                .param(updateId).query(Long.class).single() > 0;
                        if (known) {
                            return List.<Stored>of(); // another instance took it over or finished it
                        }
                        // Purged meanwhile (a claim older than two days): remember it as done.
                        jdbc.sql("INSERT INTO telegram_update (update_id, owner, claimed_at, done) VALUES (?, ?, ?, TRUE)")
                                .params(updateId, owner, utc(now)).update();
                    }
                }
                List<Stored> stored = new ArrayList<>(messages.size());
                for (Outgoing m : messages) {
                    KeyHolder keys = new GeneratedKeyHolder();
                    jdbc.sql("""
                                    INSERT INTO telegram_outbox (chat_id, method, body, owner, lease_until, created_at)
                                    VALUES (?, ?, ?, ?, ?, ?)""")
                            .params(m.chatId(), m.method(), m.body(), owner, utc(now.plus(lease)), utc(now))
                            .update(keys, "id");
                    Number id = keys.getKey();
                    if (id == null) {
                        throw new IllegalStateException("the database gave no id to a stored Telegram message");
                    }
                    stored.add(new Stored(id.longValue(), m.chatId(), m.method(), m.body()));
                }
                return stored;
            });
        } catch (DataAccessException | IllegalStateException e) {
            throw new TelegramStoreException("cannot store a Telegram update's answer in the database", e);
        }
    }

    @Override
    public void sent(long messageId) {
        try {
            jdbc.sql("DELETE FROM telegram_outbox WHERE id = ?").param(messageId).update();
        } catch (DataAccessException e) {
            throw new TelegramStoreException("cannot forget a sent Telegram message", e);
        }
    }

    @Override
    public int dropChat(long chatId) {
        try {
            return jdbc.sql("DELETE FROM telegram_outbox WHERE chat_id = ?").param(chatId).update();
        } catch (DataAccessException e) {
            throw new TelegramStoreException("cannot drop a chat's Telegram messages", e);
        }
    }

    @Override
    public void renew(String owner, Instant until) {
        try {
            jdbc.sql("UPDATE telegram_outbox SET lease_until = ? WHERE owner = ?").params(utc(until), owner).update();
        } catch (DataAccessException e) {
            throw new TelegramStoreException("cannot renew the lease on Telegram messages", e);
        }
    }

    @Override
    public List<Stored> takeOver(String owner, Instant now, Duration lease, boolean all) {
        try {
            return transaction.execute(status -> {
                // Marked first, then read back by owner: two instances taking over at once get disjoint rows, as the
                // UPDATE's row locks make the second wait and then find the lease renewed.
                if (all) {
                    jdbc.sql("UPDATE telegram_outbox SET owner = ?, lease_until = ?")
                            .params(owner, utc(now.plus(lease))).update();
                } else {
                    jdbc.sql("UPDATE telegram_outbox SET owner = ?, lease_until = ? WHERE lease_until < ?")
                            .params(owner, utc(now.plus(lease)), utc(now)).update();
                }
                return jdbc.sql("SELECT id, chat_id, method, body FROM telegram_outbox WHERE owner = ? ORDER BY id")
                        .param(owner).query(JdbcTelegramStore::stored).list();
            });
        } catch (DataAccessException e) {
            throw new TelegramStoreException("cannot take over waiting Telegram messages", e);
        }
    }

    @Override
    public void releaseUnfinishedClaims() {
        try {
            jdbc.sql("DELETE FROM telegram_update WHERE done = FALSE").update();
        } catch (DataAccessException e) {
            throw new TelegramStoreException("cannot release unfinished Telegram update claims", e);
        }
    }

    @Override
    public int purgeUpdates(Instant before) {
        try {
            return jdbc.sql("DELETE FROM telegram_update WHERE claimed_at < ?").param(utc(before)).update();
        } catch (DataAccessException e) {
            throw new TelegramStoreException("cannot purge old Telegram update ids", e);
        }
    }

    @Override
    public void saveButton(String token, String payload, Instant now) {
        try {
            int refreshed = jdbc.sql("UPDATE telegram_button SET saved_at = ? WHERE token = ?").params(utc(now), token).update();
            if (refreshed == 0) {
                try {
                    jdbc.sql("INSERT INTO telegram_button (token, payload, saved_at) VALUES (?, ?, ?)")
                            .params(token, payload, utc(now)).update();
                } catch (DuplicateKeyException sameButtonMeanwhile) {
                    // Another thread or instance saved the same payload (the token is its hash): nothing to do.
                }
            }
        } catch (DataAccessException e) {
            throw new TelegramStoreException("cannot save a Telegram button", e);
        }
    }

    @Override
    public Optional<String> button(String token, Instant notBefore) {
        try {
            return jdbc.sql("SELECT payload FROM telegram_button WHERE token = ? AND saved_at >= ?")
                    .params(token, utc(notBefore)).query(String.class).optional();
        } catch (DataAccessException e) {
            throw new TelegramStoreException("cannot read a Telegram button", e);
        }
    }

    @Override
    public int purgeButtons(Instant before) {
        try {
            return jdbc.sql("DELETE FROM telegram_button WHERE saved_at < ?").param(utc(before)).update();
        } catch (DataAccessException e) {
            throw new TelegramStoreException("cannot purge old Telegram buttons", e);
        }
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getLong("id"), rs.getLong("chat_id"), rs.getString("method"), rs.getString("body"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
