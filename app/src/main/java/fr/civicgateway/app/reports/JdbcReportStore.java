package fr.civicgateway.app.reports;

import fr.civicgateway.core.reports.Forwarding;
import fr.civicgateway.core.reports.NewReport;
import fr.civicgateway.core.reports.Report;
import fr.civicgateway.core.reports.ReportLocation;
import fr.civicgateway.core.reports.ReportQuery;
import fr.civicgateway.core.reports.ReportStatus;
import fr.civicgateway.core.reports.ReportStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The {@link ReportStore} in the database (table {@code report}, migration V2), on H2 or PostgreSQL. Each write is
 * one auto-committed statement: when {@link #submit} returns, the report is committed, and only then does the chat
 * give its number. Thread-safe; every failure of the database is a {@link ReportStoreException} (whose message holds
 * no personal data).
 */
final class JdbcReportStore implements ReportStore {

    private static final String COLUMNS = """
            id, service_code, description, latitude, longitude, address, commune_code, photo_reference, contact,
            status, status_notes, created_at, updated_at, channel, conversation_key, external_id""";
    private static final String FORWARD_COLUMNS = ", forward_attempts, forward_next_at, forward_refused";

    private final JdbcClient jdbc;

    JdbcReportStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public Report submit(NewReport r, Instant now) {
        if (r.draftId() == null) {
            return insert(r, now);
        }
        // The conversation's lock orders two confirmations of one draft, so the second one finds the first's report;
        // the unique index is the last guard (it refuses a second row, and the report it kept is returned).
        Optional<Report> stored = byDraft(r.draftId());
        if (stored.isPresent()) {
            return stored.get();
        }
        try {
            return insert(r, now);
        } catch (ReportStoreException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                return byDraft(r.draftId()).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private Optional<Report> byDraft(String draftId) {
        try {
            return jdbc.sql("SELECT " + COLUMNS + " FROM report WHERE draft_id = ?").param(draftId)
                    .query(JdbcReportStore::row).optional();
        } catch (DataAccessException e) {
            throw new ReportStoreException("cannot read a report from the database", e);
        }
    }

    private Report insert(NewReport r, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        ReportLocation l = r.location();
        try {
            jdbc.sql("""
                            INSERT INTO report (service_code, description, latitude, longitude, address, commune_code,
                                photo_reference, contact, status, status_notes, created_at, updated_at, channel,
                                conversation_key, citizen_told, external_id, draft_id, forward_next_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', NULL, ?, ?, ?, ?, TRUE, NULL, ?, ?)""")
                    .params(r.serviceCode(), r.description(), l.latitude(), l.longitude(), l.address(), l.communeCode(),
                            r.photoReference(), r.contact(), utc(now), utc(now), r.channel(), r.conversationKey(),
                            r.draftId(),
                            // A chat report is due for forwarding at once; one posted over Open311 never is.
                            r.toForward() ? utc(now) : null)
                    .update(keys, "id");
        } catch (DataAccessException e) {
            throw new ReportStoreException("cannot store a report in the database", e);
        }
        Number id = keys.getKey();
        if (id == null) {
            throw new ReportStoreException("the database gave no id to a stored report", null);
        }
        return new Report(id.longValue(), r.serviceCode(), r.description(), l, r.photoReference(), r.contact(),
                ReportStatus.OPEN, null, now, now, r.channel(), r.conversationKey(), null);
    }

    @Override
    public Optional<Report> find(long id) {
        try {
            return jdbc.sql("SELECT " + COLUMNS + " FROM report WHERE id = ?").param(id).query(JdbcReportStore::row).optional();
        } catch (DataAccessException e) {
            throw new ReportStoreException("cannot read a report from the database", e);
        }
    }

    @Override
    public List<Report> query(ReportQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM report WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (!q.ids().isEmpty()) {
            sql.append(" AND id IN (").append(String.join(", ", Collections.nCopies(q.ids().size(), "?"))).append(')');
            params.addAll(q.ids());
        }
        if (!q.serviceCodes().isEmpty()) {
            sql.append(" AND service_code IN (")
                    .append(String.join(", ", Collections.nCopies(q.serviceCodes().size(), "?"))).append(')');
            params.addAll(q.serviceCodes());
        }
        if (q.start() != null) {
            sql.append(" AND created_at >= ?");
            params.add(utc(q.start()));
        }
        if (q.end() != null) {
            sql.append(" AND created_at <= ?");
            params.add(utc(q.end()));
        }
        if (q.status() != null) {
            sql.append(" AND status = ?");
            params.add(q.status().apiName());
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(q.limit());
        try {
            return jdbc.sql(sql.toString()).params(params).query(JdbcReportStore::row).list();
        } catch (DataAccessException e) {
            throw new ReportStoreException("cannot query reports in the database", e);
        }
    }

    @Override
    public Optional<Report> updateStatus(long id, ReportStatus status, String notes, Instant now) {
        int updated;
        try {
            // A report without a conversation (posted over Open311) has no one to tell: it stays "told".
            updated = jdbc.sql("""
                            UPDATE report SET status = ?, status_notes = ?, updated_at = ?,
                                citizen_told = CASE WHEN conversation_key IS NULL THEN TRUE ELSE FALSE END
                            WHERE id = ?""")
                    .params(status.apiName(), notes, utc(now), id).update();
        } catch (DataAccessException e) {
            throw new ReportStoreException("cannot update a report's status in the database", e);
        }
        return updated == 0 ? Optional.empty() : find(id);
    }

    @Override
    public List<Report> untoldChanges(String conversationKey) {
        try {
            return jdbc.sql("SELECT " + COLUMNS + " FROM report WHERE conversation_key = ? AND citizen_told = FALSE ORDER BY id")
                    .param(conversationKey).query(JdbcReportStore::row).list();
        } catch (DataAccessException e) {
            throw new ReportStoreException("cannot read untold status changes from the database", e);
        }
    }

    @Override
    public List<Report> openReportsOf(String conversationKey) {
        try {
            return jdbc.sql("SELECT " + COLUMNS + " FROM report WHERE conversation_key = ? AND status = 'open' ORDER BY id")
                    .param(conversationKey).query(JdbcReportStore::row).list();
        } catch (DataAccessException e) {
            throw new ReportStoreException("cannot read a conversation's open reports from the database", e);
        }
    }

    @Override
    public Set<String> conversationsWithUntoldChanges() {
        try {
            return Set.copyOf(jdbc.sql("SELECT DISTINCT conversation_key FROM report WHERE citizen_told = FALSE"
                    + " AND conversation_key IS NOT NULL").query(String.class).list());
        } catch (DataAccessException e) {
            throw new ReportStoreException("cannot read which conversations have untold status changes", e);
        }
    }

    @Override
    public void markTold(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            jdbc.sql("UPDATE report SET citizen_told = TRUE WHERE id IN ("
                            + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")
                    .params(new ArrayList<Object>(ids)).update();
        } catch (DataAccessException e) {
            throw new ReportStoreException("cannot mark status changes as told in the database", e);
        }
    }

    @Override
    public List<Forwarding> dueForForward(Instant now, int limit) {
        try {
            return jdbc.sql("SELECT " + COLUMNS + FORWARD_COLUMNS + " FROM report WHERE forward_next_at <= ?"
                            + " ORDER BY forward_next_at, id LIMIT ?")
                    .params(utc(now), limit).query(JdbcReportStore::forwarding).list();
        } catch (DataAccessException e) {
            throw new ReportStoreException("cannot read the forwarding outbox from the database", e);
        }
    }

    @Override
    public boolean claimForward(long id, Instant due, Instant retryAt) {
        try {
            // Compare-and-set on the next attempt: of two instances that read the same due report, one updates it.
            return jdbc.sql("""
                            UPDATE report SET forward_next_at = ?, forward_attempts = forward_attempts + 1
                            WHERE id = ? AND forward_next_at = ?""")
                    .params(utc(retryAt), id, utc(due)).update() == 1;
        } catch (DataAccessException e) {
            throw new ReportStoreException("cannot take a report of the forwarding outbox in the database", e);
        }
    }

    @Override
    public void recordForwarded(long id, String externalId) {
        try {
            jdbc.sql("UPDATE report SET external_id = ?, forward_next_at = NULL WHERE id = ?").params(externalId, id).update();
        } catch (DataAccessException e) {
            throw new ReportStoreException("cannot record a forwarded report in the database", e);
        }
    }

    @Override
    public void recordRefused(long id, String reason) {
        try {
            jdbc.sql("UPDATE report SET forward_refused = ?, forward_next_at = NULL WHERE id = ? AND external_id IS NULL")
                    .params(Forwarding.reason(reason), id).update();
        } catch (DataAccessException e) {
            throw new ReportStoreException("cannot record a refused report in the database", e);
        }
    }

    @Override
    public List<Forwarding> undelivered(int limit) {
        try {
            List<Forwarding> out = new ArrayList<>(jdbc.sql("SELECT " + COLUMNS + FORWARD_COLUMNS
                            + " FROM report WHERE forward_next_at IS NOT NULL ORDER BY forward_next_at, id LIMIT ?")
                    .param(limit).query(JdbcReportStore::forwarding).list());
            out.addAll(jdbc.sql("SELECT " + COLUMNS + FORWARD_COLUMNS
                            + " FROM report WHERE forward_refused IS NOT NULL ORDER BY id DESC LIMIT ?")
                    .param(limit).query(JdbcReportStore::forwarding).list());
            return out;
        } catch (DataAccessException e) {
            throw new ReportStoreException("cannot read the undelivered reports from the database", e);
        }
    }

    private static Forwarding forwarding(ResultSet rs, int n) throws SQLException {
        OffsetDateTime next = rs.getObject("forward_next_at", OffsetDateTime.class);
        return new Forwarding(row(rs, n), rs.getInt("forward_attempts"), next == null ? null : next.toInstant(),
                rs.getString("forward_refused"));
    }

    private static Report row(ResultSet rs, int n) throws SQLException {
        double lat = rs.getDouble("latitude");
        Double latitude = rs.wasNull() ? null : lat;
        double lon = rs.getDouble("longitude");
        Double longitude = rs.wasNull() ? null : lon;
        return new Report(rs.getLong("id"), rs.getString("service_code"), rs.getString("description"),
                new ReportLocation(latitude, longitude, rs.getString("address"), rs.getString("commune_code")),
                rs.getString("photo_reference"), rs.getString("contact"),
                ReportStatus.fromApiName(rs.getString("status")).orElseThrow(),
                rs.getString("status_notes"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getString("channel"), rs.getString("conversation_key"), rs.getString("external_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
