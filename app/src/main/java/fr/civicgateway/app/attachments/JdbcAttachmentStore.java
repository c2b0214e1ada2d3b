package fr.civicgateway.app.attachments;

import fr.civicgateway.connectors.web.AttachmentStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The web chat's photos in the database (table {@code attachment}, V12), on H2 or PostgreSQL. A report claims its
 * photo when it is stored ({@code JdbcReportStore}); {@link #deleteUnclaimedBefore} deletes the others once their
 * retention is over. Thread-safe; a failing database is an {@link AttachmentStoreException}.
 */
final class JdbcAttachmentStore implements AttachmentStore {

    private final JdbcClient jdbc;

    JdbcAttachmentStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public void save(String id, String conversationKey, String mediaType, byte[] bytes, Instant now) {
        try {
            jdbc.sql("INSERT INTO attachment (id, conversation_key, media_type, bytes, created_at, report_id)"
                            + " VALUES (?, ?, ?, ?, ?, NULL)")
                    .params(id, conversationKey, mediaType, bytes, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
        } catch (DataAccessException e) {
            throw new AttachmentStoreException("cannot store an attachment in the database", e);
        }
    }

    @Override
    public Optional<Stored> find(String id) {
        try {
            return jdbc.sql("SELECT id, conversation_key, media_type, bytes, created_at, report_id FROM attachment WHERE id = ?")
                    .param(id).query(JdbcAttachmentStore::row).optional();
        } catch (DataAccessException e) {
            throw new AttachmentStoreException("cannot read an attachment from the database", e);
        }
    }

    /** Deletes the photos no report claimed, uploaded before {@code cutoff}; returns how many. */
    int deleteUnclaimedBefore(Instant cutoff) {
        try {
            return jdbc.sql("DELETE FROM attachment WHERE report_id IS NULL AND created_at < ?")
                    .param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).update();
        } catch (DataAccessException e) {
            throw new AttachmentStoreException("cannot delete expired attachments from the database", e);
        }
    }

    private static Stored row(ResultSet rs, int n) throws SQLException {
        rs.getLong("report_id");
        boolean claimed = !rs.wasNull();
        return new Stored(rs.getString("id"), rs.getString("conversation_key"), rs.getString("media_type"),
                rs.getBytes("bytes"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), claimed);
    }
}
