package fr.civicgateway.app.follow;

import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.follow.Subscription;
import fr.civicgateway.core.follow.SubscriptionStore;
import fr.civicgateway.core.follow.SubscriptionStoreException;
import fr.civicgateway.core.nlu.Language;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriptions in the gateway's database ({@code V9__follow_subscription.sql}), in plain JDBC so that the SQL,
 * which must run unchanged on H2 and PostgreSQL, is all in sight. The primary key (conversation_key, target_key)
 * settles two concurrent "follow" of the same thing; each call is one auto-committed statement but {@link #removeAll},
 * which also deletes what the conversation was still owed (the follow events' and delivery's tables, V10 and V11).
 * Thread-safe.
 */
public final class JdbcSubscriptionStore implements SubscriptionStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcSubscriptionStore.class);
    /** SQLSTATE of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "conversation_key, target_key, language, since";

    private final DataSource dataSource;

    public JdbcSubscriptionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T with(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            // Data errors (classes 22, 23) quote the values, a conversation key among them: left out.
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            boolean aboutData = state.startsWith("22") || state.startsWith("23");
            throw new SubscriptionStoreException("subscription store: cannot " + what + " (SQLSTATE " + state + ")",
                    aboutData ? null : e);
        }
    }

    @Override
    public boolean add(Subscription s) {
        return with("add a subscription", c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO follow_subscription (" + COLUMNS + ") VALUES (?, ?, ?, ?)")) {
                st.setString(1, s.conversationKey());
                st.setString(2, s.target().key());
                st.setString(3, s.language().code());
                st.setObject(4, s.since().atOffset(ZoneOffset.UTC));
                st.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public boolean remove(String conversationKey, FollowTarget target) {
        return with("remove a subscription", c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "DELETE FROM follow_subscription WHERE conversation_key = ? AND target_key = ?")) {
                st.setString(1, conversationKey);
                st.setString(2, target.key());
                return st.executeUpdate() > 0;
            }
        });
    }

    /**
     * {@code /stop}: the conversation's subscriptions, its unsent deliveries (V10) and the digests waiting for its
     * next visit (V11), in one transaction, so that nothing already owed is told after the stop is answered.
     *
     * <p>Deleting the unsent deliveries here, rather than only skipping them later, is what is race-free with a
     * delivery pass holding them on another instance: its mark "sent" ({@code JdbcFollowEvents.markSent}) updates
     * the rows {@code WHERE sent_at IS NULL} and checks the count in the transaction of its hand-over. Either it
     * commits first (the digest left before the stop) or this delete does, and it finds its rows gone, hands over
     * nothing and rolls back; the row locks of both databases order the two. A fan-out that read the subscription
     * before this commit may still write a delivery after it: the delivery loop drops any delivery whose target is
     * no longer followed when it claims it ({@code FollowDelivery}).
     */
    @Override
    public int removeAll(String conversationKey) {
        return with("remove a conversation's subscriptions", c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int removed = delete(c, "DELETE FROM follow_subscription WHERE conversation_key = ?", conversationKey);
                delete(c, "DELETE FROM follow_delivery WHERE conversation_key = ? AND sent_at IS NULL", conversationKey);
                delete(c, "DELETE FROM follow_mailbox WHERE conversation_key = ?", conversationKey);
                c.commit();
                return removed;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        });
    }

    private static int delete(Connection c, String sql, String conversationKey) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, conversationKey);
            return st.executeUpdate();
        }
    }

    @Override
    public List<Subscription> list(String conversationKey) {
        return with("list a conversation's subscriptions", c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM follow_subscription WHERE conversation_key = ? ORDER BY since, target_key")) {
                st.setString(1, conversationKey);
                return read(st);
            }
        });
    }

    @Override
    public List<Subscription> followersOf(FollowTarget target, String afterKey, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return with("page a target's followers", c -> {
            String sql = "SELECT " + COLUMNS + " FROM follow_subscription WHERE target_key = ?"
                    + (afterKey == null ? "" : " AND conversation_key > ?") + " ORDER BY conversation_key FETCH FIRST ? ROWS ONLY";
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                st.setString(i++, target.key());
                if (afterKey != null) {
                    st.setString(i++, afterKey);
                }
                st.setInt(i, limit);
                return read(st);
            }
        });
    }

    @Override
    public long count() {
        return with("count subscriptions", c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM follow_subscription");
                 ResultSet r = st.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private static List<Subscription> read(PreparedStatement st) throws SQLException {
        List<Subscription> out = new ArrayList<>();
        try (ResultSet r = st.executeQuery()) {
            while (r.next()) {
                FollowTarget target;
                try {
                    target = FollowTarget.parse(r.getString(2));
                } catch (IllegalArgumentException e) {
                    // A kind this version does not know (written by a newer one): skipped, not fatal.
                    log.warn("skipping a subscription with an unreadable target: {}", e.getMessage());
                    continue;
                }
                Language language = Language.fromCode(r.getString(3)).orElse(Language.FR);
                out.add(new Subscription(r.getString(1), target, language, r.getObject(4, OffsetDateTime.class).toInstant()));
            }
        }
        return out;
    }
}
