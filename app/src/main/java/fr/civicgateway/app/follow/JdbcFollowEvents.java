package fr.civicgateway.app.follow;

import fr.civicgateway.core.follow.FollowEvent;
import fr.civicgateway.core.follow.FollowEvents;
import fr.civicgateway.core.follow.FollowEventsException;
import fr.civicgateway.core.follow.FollowTarget;
import fr.civicgateway.core.follow.Subscription;
import fr.civicgateway.core.follow.SubscriptionStore;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link FollowEvents} in the gateway's database ({@code V10__follow_events.sql}), shared by every instance.
 *
 * <ul>
 *   <li>Recording is insert-if-absent on the event's unique key.</li>
 *   <li>An instance claims events to fan out, and due deliveries to send, with {@code SELECT … FOR UPDATE SKIP
 *       LOCKED} (PostgreSQL and H2 2.x both have it): two instances polling at once take different rows and neither
 *       waits; the claim is then a lease ({@code claimed_by}, {@code lease_until}) committed at once, so that a dead
 *       instance's work is taken over once its lease expires. Due deliveries are claimed in two steps: an unlocked
 *       read along the claim index ({@code V13}, in its order, stopping at the limit), then the rows locked by id
 *       with the conditions checked again ({@code FOR UPDATE} on the first read made H2 read and sort every unsent
 *       row).</li>
 *   <li>Deliveries are written in batches of {@value #BATCH} while keyset-paging
 *       {@link SubscriptionStore#followersOf}, insert-if-absent on (conversation key, event): an event fanned out
 *       again after a crash adds nothing twice. The event's claim is checked at each batch.</li>
 *   <li>{@link #markSent} runs its callback in the same transaction (Spring's {@link DataSourceTransactionManager}
 *       on this data source: the callback's {@link JdbcClient} or {@link JdbcTemplate} work on the same data source
 *       joins it).</li>
 * </ul>
 *
 * <p>Thread-safe; every failure of the database is a {@link FollowEventsException} whose message holds no
 * conversation key.
 */
public final class JdbcFollowEvents implements FollowEvents {

    static final int BATCH = 1_000;
    /** At most this many ids in one {@code IN (…)}. */
    private static final int IN_CHUNK = 500;
    /** A claim reads at most this many rows per follower asked for (a follower owed more gets the rest next time). */
    private static final int ROWS_PER_FOLLOWER = 64;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final SubscriptionStore subscriptions;
    private final String insertEvent;
    private final String insertDelivery;

    public JdbcFollowEvents(DataSource dataSource, SubscriptionStore subscriptions) {
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
        boolean postgres = postgres(dataSource);
        this.insertEvent = """
                INSERT INTO follow_event (event_key, kind, event_date, found_at, targets, payload)
                VALUES (?, ?, ?, ?, ?, ?)""" + (postgres ? " ON CONFLICT (event_key) DO NOTHING" : "");
        this.insertDelivery = postgres
                ? """
                INSERT INTO follow_delivery (conversation_key, event_id, target_key, due_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (conversation_key, event_id) DO NOTHING"""
                // H2: the claim on the event keeps two instances from writing the same event's deliveries at once;
                // the unique key stays the last word.
                : """
                INSERT INTO follow_delivery (conversation_key, event_id, target_key, due_at)
                SELECT CAST(? AS VARCHAR(300)), CAST(? AS BIGINT), CAST(? AS VARCHAR(300)),
                       CAST(? AS TIMESTAMP WITH TIME ZONE)
                WHERE NOT EXISTS (SELECT 1 FROM follow_delivery WHERE conversation_key = ? AND event_id = ?)""";
    }

    private static boolean postgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return switch (product.toLowerCase(Locale.ROOT)) {
                case "postgresql" -> true;
                case "h2" -> false;
                default -> throw new IllegalStateException(
                        "unsupported database '" + product + "': the gateway runs on H2 or PostgreSQL");
            };
        } catch (MetaDataAccessException e) {
            throw new FollowEventsException("cannot connect to the database to identify it", e);
        }
    }

    @Override
    public int record(Collection<FollowEvent> events) {
        int added = 0;
        for (FollowEvent e : events) {
            try {
                // One statement each, auto-committed: an event another instance recorded first is skipped.
                added += jdbc.sql(insertEvent)
                        .params(e.key(), e.kind().name(), e.date(), utc(e.foundAt()), targets(e.targets()),
                                payload(e.payload()))
                        .update();
            } catch (DuplicateKeyException raced) {
                // H2: the other instance inserted it between this statement's check and its insert
            } catch (DataAccessException ex) {
                throw new FollowEventsException("cannot record follow events", ex);
            }
        }
        return added;
    }

    @Override
    public FanOut fanOut(String owner, Instant now, Duration lease, int maxEvents) {
        List<Long> claimed;
        try {
            claimed = transaction.execute(status -> {
                List<Long> ids = jdbc.sql("""
                                SELECT id FROM follow_event
                                WHERE fanned_out_at IS NULL AND (lease_until IS NULL OR lease_until < ?)
                                ORDER BY id FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED""")
                        .params(utc(now), maxEvents).query(Long.class).list();
                for (List<Long> chunk : chunks(ids)) {
                    jdbc.sql("UPDATE follow_event SET claimed_by = ?, lease_until = ? WHERE id IN (" + marks(chunk.size()) + ")")
                            .params(concat(List.of(owner, utc(now.plus(lease))), chunk)).update();
                }
                return ids;
            });
        } catch (DataAccessException e) {
            throw new FollowEventsException("cannot claim follow events to fan out", e);
        }
        long written = 0;
        int done = 0;
        for (long id : claimed) {
            Stored event = event(id);
            long mine = deliver(owner, id, event.event(), now, lease);
            if (mine < 0) {
                continue; // the lease was lost: the instance that took it over finishes
            }
            written += mine;
            int finished = update("mark a follow event fanned out", """
                    UPDATE follow_event SET fanned_out_at = ?, claimed_by = NULL, lease_until = NULL
                    WHERE id = ? AND claimed_by = ?""", utc(now), id, owner);
            done += finished;
        }
        return new FanOut(done, written);
    }

    /** Writes one event's deliveries; the count written, or -1 when the event's lease was taken over. */
    private long deliver(String owner, long eventId, FollowEvent event, Instant now, Duration lease) {
        long written = 0;
        for (FollowTarget target : event.targets()) {
            for (String after = null; ; ) {
                List<Subscription> page = subscriptions.followersOf(target, after, BATCH);
                if (page.isEmpty()) {
                    break;
                }
                List<Object[]> rows = new ArrayList<>(page.size());
                OffsetDateTime due = utc(now);
                for (Subscription s : page) {
                    rows.add(insertDelivery.contains("NOT EXISTS")
                            ? new Object[]{s.conversationKey(), eventId, target.key(), due, s.conversationKey(), eventId}
                            : new Object[]{s.conversationKey(), eventId, target.key(), due});
                }
                try {
                    for (int n : template.batchUpdate(insertDelivery, rows)) {
                        // a driver may answer SUCCESS_NO_INFO (-2) for a batched row: count it as written
                        written += n == 0 ? 0 : 1;
                    }
                } catch (DataAccessException e) {
                    throw new FollowEventsException("cannot write follow deliveries", e);
                }
                // Still this instance's? (A fan-out longer than its lease is taken over; the unique key keeps the
                // two writers from writing anything twice.)
                if (update("check a follow event's lease",
                        "UPDATE follow_event SET lease_until = ? WHERE id = ? AND claimed_by = ?",
                        utc(now.plus(lease)), eventId, owner) == 0) {
                    return -1;
                }
                if (page.size() < BATCH) {
                    break;
                }
                after = page.getLast().conversationKey();
            }
        }
        return written;
    }

    @Override
    public List<Owed> claimDue(String owner, Instant now, Duration lease, int maxFollowers) {
        int rowLimit = maxFollowers * ROWS_PER_FOLLOWER;
        List<Row> rows;
        try {
            rows = transaction.execute(status -> {
                // 1. Which rows, without locking: the claim index (V13) in its order, stopping at the limit. A
                // FOR UPDATE here made H2 read and sort every unsent row for each claim.
                List<Candidate> candidates = jdbc.sql("""
                                SELECT id, conversation_key FROM follow_delivery
                                WHERE sent_at IS NULL AND due_at <= ? AND (lease_until IS NULL OR lease_until < ?)
                                ORDER BY sent_at, conversation_key, id FETCH FIRST ? ROWS ONLY""")
                        .params(utc(now), utc(now), rowLimit)
                        .query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2)))
                        .list();
                List<Long> wanted = wholeFollowers(candidates, rowLimit, maxFollowers).stream()
                        .map(Candidate::id).toList();
                // 2. Lock them by primary key, the conditions checked again under the lock: a row another instance
                // claimed meanwhile is skipped (locked) or no longer matches (its lease committed).
                List<Row> taken = new ArrayList<>(wanted.size());
                for (List<Long> chunk : chunks(wanted)) {
                    taken.addAll(jdbc.sql("SELECT id, conversation_key, event_id, target_key, due_at FROM follow_delivery"
                                    + " WHERE id IN (" + marks(chunk.size()) + ") AND sent_at IS NULL AND due_at <= ?"
                                    + " AND (lease_until IS NULL OR lease_until < ?) FOR UPDATE SKIP LOCKED")
                            .params(concat(chunk, List.of(utc(now), utc(now))))
                            .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                    instant(rs, 5)))
                            .list());
                }
                taken.sort(Comparator.comparing(Row::conversationKey).thenComparingLong(Row::id));
                List<Long> ids = taken.stream().map(Row::id).toList();
                for (List<Long> chunk : chunks(ids)) {
                    jdbc.sql("UPDATE follow_delivery SET claimed_by = ?, lease_until = ? WHERE id IN ("
                                    + marks(chunk.size()) + ")")
                            .params(concat(List.of(owner, utc(now.plus(lease))), chunk)).update();
                }
                return taken;
            });
        } catch (DataAccessException e) {
            throw new FollowEventsException("cannot claim due follow deliveries", e);
        }
        Map<Long, FollowEvent> events = new HashMap<>();
        Map<String, List<Delivery>> byFollower = new LinkedHashMap<>();
        for (Row r : rows) {
            FollowEvent e = events.computeIfAbsent(r.eventId(), id -> event(id).event());
            byFollower.computeIfAbsent(r.conversationKey(), k -> new ArrayList<>())
                    .add(new Delivery(r.id(), r.conversationKey(), e, FollowTarget.parse(r.targetKey()), r.dueAt()));
        }
        List<Owed> owed = new ArrayList<>(byFollower.size());
        byFollower.forEach((k, ds) -> owed.add(new Owed(k, ds)));
        return owed;
    }

    /**
     * The rows of the first {@code maxFollowers} followers; when the row limit cut the last follower's rows short,
     * that follower is left for the next claim (unless it is the only one), so that a digest is not split.
     */
    private static List<Candidate> wholeFollowers(List<Candidate> found, int rowLimit, int maxFollowers) {
        List<Candidate> taken = new ArrayList<>();
        String current = null;
        int followers = 0;
        int startOfCurrent = 0;
        for (Candidate r : found) {
            if (!r.conversationKey().equals(current)) {
                if (followers == maxFollowers) {
                    return taken;
                }
                current = r.conversationKey();
                followers++;
                startOfCurrent = taken.size();
            }
            taken.add(r);
        }
        if (found.size() == rowLimit && followers > 1) {
            return taken.subList(0, startOfCurrent);
        }
        return taken;
    }

    @Override
    public <T> T markSent(String owner, Collection<Long> deliveryIds, Instant now, Supplier<T> handOver) {
        List<Long> ids = List.copyOf(deliveryIds);
        try {
            return transaction.execute(status -> {
                int marked = 0;
                for (List<Long> chunk : chunks(ids)) {
                    marked += jdbc.sql("UPDATE follow_delivery SET sent_at = ?, lease_until = NULL WHERE claimed_by = ?"
                                    + " AND sent_at IS NULL AND id IN (" + marks(chunk.size()) + ")")
                            .params(concat(List.of(utc(now), owner), chunk)).update();
                }
                if (marked != ids.size()) {
                    throw new LeaseLost((ids.size() - marked) + " of " + ids.size()
                            + " follow deliveries are no longer held by this instance");
                }
                return handOver.get();
            });
        } catch (DataAccessException e) {
            throw new FollowEventsException("cannot mark follow deliveries sent", e);
        }
    }

    @Override
    public void release(String owner, Collection<Long> deliveryIds, Instant dueAgain) {
        try {
            for (List<Long> chunk : chunks(List.copyOf(deliveryIds))) {
                jdbc.sql("UPDATE follow_delivery SET claimed_by = NULL, lease_until = NULL, due_at = ?"
                                + " WHERE claimed_by = ? AND sent_at IS NULL AND id IN (" + marks(chunk.size()) + ")")
                        .params(concat(List.of(utc(dueAgain), owner), chunk)).update();
            }
        } catch (DataAccessException e) {
            throw new FollowEventsException("cannot release follow deliveries", e);
        }
    }

    @Override
    public int purgeSent(Instant sentBefore) {
        try {
            int deleted = jdbc.sql("DELETE FROM follow_delivery WHERE sent_at < ?").param(utc(sentBefore)).update();
            jdbc.sql("""
                    DELETE FROM follow_event WHERE fanned_out_at IS NOT NULL AND found_at < ?
                    AND NOT EXISTS (SELECT 1 FROM follow_delivery d WHERE d.event_id = follow_event.id)""")
                    .param(utc(sentBefore)).update();
            return deleted;
        } catch (DataAccessException e) {
            throw new FollowEventsException("cannot delete old follow deliveries", e);
        }
    }

    /** How many events and deliveries are stored, sent or not (for tests, benchmarks and health). */
    public Counts counts() {
        try {
            long events = jdbc.sql("SELECT COUNT(*) FROM follow_event").query(Long.class).single();
            long deliveries = jdbc.sql("SELECT COUNT(*) FROM follow_delivery").query(Long.class).single();
            long unsent = jdbc.sql("SELECT COUNT(*) FROM follow_delivery WHERE sent_at IS NULL").query(Long.class)
                    .single();
            return new Counts(events, deliveries, unsent);
        } catch (DataAccessException e) {
            throw new FollowEventsException("cannot count follow events", e);
        }
    }

    public record Counts(long events, long deliveries, long unsent) {
    }

    private record Candidate(long id, String conversationKey) {
    }

    private record Row(long id, String conversationKey, long eventId, String targetKey, Instant dueAt) {
    }

    private record Stored(long id, FollowEvent event) {
    }

    private Stored event(long id) {
        try {
            return jdbc.sql("SELECT event_key, kind, event_date, found_at, targets, payload FROM follow_event WHERE id = ?")
                    .param(id)
                    .query((rs, n) -> new Stored(id, new FollowEvent(rs.getString(1),
                            FollowEvent.Kind.valueOf(rs.getString(2)), parseTargets(rs.getString(5)),
                            rs.getObject(3, LocalDate.class), instant(rs, 4), parsePayload(rs.getString(6)))))
                    .single();
        } catch (DataAccessException e) {
            throw new FollowEventsException("cannot read a follow event", e);
        }
    }

    private int update(String what, String sql, Object... params) {
        try {
            return jdbc.sql(sql).params(params).update();
        } catch (DataAccessException e) {
            throw new FollowEventsException("cannot " + what, e);
        }
    }

    static String targets(List<FollowTarget> targets) {
        StringBuilder b = new StringBuilder();
        for (FollowTarget t : targets) {
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(t.key());
        }
        return b.toString();
    }

    static List<FollowTarget> parseTargets(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<FollowTarget> out = new ArrayList<>();
        for (String key : text.split("\n")) {
            out.add(FollowTarget.parse(key));
        }
        return out;
    }

    static String payload(Map<String, String> payload) {
        StringBuilder b = new StringBuilder();
        payload.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    static Map<String, String> parsePayload(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + IN_CHUNK)));
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static List<Object> concat(List<?> first, List<?> ids) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(ids);
        return all;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
