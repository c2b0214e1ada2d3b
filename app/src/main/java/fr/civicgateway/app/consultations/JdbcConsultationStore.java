package fr.civicgateway.app.consultations;

import fr.civicgateway.core.consultations.Ballot;
import fr.civicgateway.core.consultations.ConsultationStore;
import fr.civicgateway.core.consultations.ConsultationStoreException;
import fr.civicgateway.core.consultations.Response;
import fr.civicgateway.core.consultations.Results;
import fr.civicgateway.core.consultations.Submission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Consultation answers in the gateway's database ({@code V3__consultations.sql}), in plain JDBC so that the SQL,
 * which must run unchanged on H2 and PostgreSQL, is all in sight. Each {@link #save} is one transaction that has
 * committed when it returns; the unique key (consultation_id, pseudonym) settles races between two submissions of
 * the same person. Thread-safe (one connection per call, from the pool).
 */
public final class JdbcConsultationStore implements ConsultationStore {

    /** SQLSTATE of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    public JdbcConsultationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new SamePersonFirst();
            }
            throw failure(what, e);
        }
    }

    /**
     * The driver's messages about data (SQLSTATE classes 22 and 23) quote the values — a citizen's text, a
     * pseudonym — so they are left out of the exception, which the dialogue logs; connection errors keep theirs.
     */
    private static ConsultationStoreException failure(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = "consultation store: cannot " + what + " (SQLSTATE " + state + ")";
        boolean aboutData = state.startsWith("22") || state.startsWith("23");
        return new ConsultationStoreException(message, aboutData ? null : e);
    }

    /** Another submission of the same person committed between our look-up and our insert. */
    private static final class SamePersonFirst extends RuntimeException {
        SamePersonFirst() {
            super(null, null, false, false);
        }
    }

    @Override
    public SaveOutcome save(Ballot ballot, String pseudonym, Instant at, boolean replace) {
        try {
            return inTransaction("save a submission", c -> saveIn(c, ballot, pseudonym, at, replace));
        } catch (SamePersonFirst e) {
            // The unique key decided: without replace, the first one stays; with it, this one now replaces it.
            if (!replace) {
                return SaveOutcome.ALREADY_ANSWERED;
            }
            try {
                return inTransaction("save a submission", c -> saveIn(c, ballot, pseudonym, at, true));
            } catch (SamePersonFirst again) {
                throw new ConsultationStoreException("consultation store: cannot save a submission (SQLSTATE 23505)", null);
            }
        }
    }

    private static SaveOutcome saveIn(Connection c, Ballot ballot, String pseudonym, Instant at, boolean replace) throws SQLException {
        Long existing = null;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM consultation_submission WHERE consultation_id = ? AND pseudonym = ? FOR UPDATE")) {
            s.setString(1, ballot.consultationId());
            s.setString(2, pseudonym);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    existing = r.getLong(1);
                }
            }
        }
        if (existing != null && !replace) {
            return SaveOutcome.ALREADY_ANSWERED;
        }
        long id;
        if (existing != null) {
            id = existing;
            try (PreparedStatement s = c.prepareStatement("UPDATE consultation_submission SET updated_at = ? WHERE id = ?")) {
                s.setObject(1, at.atOffset(ZoneOffset.UTC));
                s.setLong(2, id);
                s.executeUpdate();
            }
            // A changed answer replaces the old rows; a moderator's "hidden" goes with the old text it was about.
            try (PreparedStatement s = c.prepareStatement("DELETE FROM consultation_answer WHERE submission_id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
        } else {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO consultation_submission "
                    + "(consultation_id, pseudonym, submitted_at, updated_at) VALUES (?, ?, ?, ?)", new String[] {"id"})) {
                s.setString(1, ballot.consultationId());
                s.setString(2, pseudonym);
                s.setObject(3, at.atOffset(ZoneOffset.UTC));
                s.setObject(4, at.atOffset(ZoneOffset.UTC));
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO consultation_answer (submission_id, question_id, choice, answer_text) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, Response> e : ballot.responses().entrySet()) {
                List<String[]> rows = switch (e.getValue()) {
                    case Response.Choices ch -> ch.optionIds().stream().map(o -> new String[] {o, null}).toList();
                    case Response.Rating r -> List.<String[]>of(new String[] {String.valueOf(r.value()), null});
                    case Response.Text t -> List.<String[]>of(new String[] {null, t.text()});
                };
                for (String[] row : rows) {
                    s.setLong(1, id);
                    s.setString(2, e.getKey());
                    s.setString(3, row[0]);
                    s.setString(4, row[1]);
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
        return existing == null ? SaveOutcome.CREATED : SaveOutcome.REPLACED;
    }

    @Override
    public Optional<Submission> find(String consultationId, String pseudonym) {
        List<Submission> found = inTransaction("find a submission", c -> query(c,
                "WHERE s.consultation_id = ? AND s.pseudonym = ?", consultationId, pseudonym));
        return found.stream().findFirst();
    }

    @Override
    public List<Submission> submissions(String consultationId) {
        return inTransaction("export submissions", c -> query(c, "WHERE s.consultation_id = ?", consultationId));
    }

    private static List<Submission> query(Connection c, String where, String... params) throws SQLException {
        Map<Long, Submission> byId = new LinkedHashMap<>();
        Map<Long, List<Submission.StoredAnswer>> answers = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT s.id, s.consultation_id, s.pseudonym, s.submitted_at, s.updated_at, "
                + "a.id, a.question_id, a.choice, a.answer_text, a.hidden FROM consultation_submission s "
                + "LEFT JOIN consultation_answer a ON a.submission_id = s.id " + where + " ORDER BY s.submitted_at, s.id, a.id")) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong(1);
                    if (!byId.containsKey(id)) {
                        byId.put(id, new Submission(id, r.getString(2), r.getString(3),
                                r.getObject(4, OffsetDateTime.class).toInstant(), r.getObject(5, OffsetDateTime.class).toInstant(), List.of()));
                        answers.put(id, new ArrayList<>());
                    }
                    long answerId = r.getLong(6);
                    if (!r.wasNull()) {
                        answers.get(id).add(new Submission.StoredAnswer(answerId, r.getString(7), r.getString(8), r.getString(9), r.getBoolean(10)));
                    }
                }
            }
        }
        List<Submission> out = new ArrayList<>();
        for (Submission s : byId.values()) {
            out.add(new Submission(s.id(), s.consultationId(), s.pseudonym(), s.submittedAt(), s.updatedAt(), answers.get(s.id())));
        }
        return out;
    }

    @Override
    public Results results(String consultationId) {
        return inTransaction("count results", c -> {
            long submissions;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM consultation_submission WHERE consultation_id = ?")) {
                s.setString(1, consultationId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    submissions = r.getLong(1);
                }
            }
            Map<String, Map<String, Long>> choices = new HashMap<>();
            Map<String, Long> texts = new HashMap<>();
            Map<String, Long> hidden = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT a.question_id, a.choice, COUNT(*), "
                    + "SUM(CASE WHEN a.hidden THEN 1 ELSE 0 END) FROM consultation_answer a "
                    + "JOIN consultation_submission s ON s.id = a.submission_id WHERE s.consultation_id = ? "
                    + "GROUP BY a.question_id, a.choice")) {
                s.setString(1, consultationId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String question = r.getString(1);
                        String choice = r.getString(2);
                        if (choice != null) {
                            choices.computeIfAbsent(question, q -> new TreeMap<>()).put(choice, r.getLong(3));
                        } else {
                            texts.put(question, r.getLong(3));
                            hidden.put(question, r.getLong(4));
                        }
                    }
                }
            }
            return new Results(consultationId, submissions, choices, texts, hidden);
        });
    }

    @Override
    public boolean setHidden(String consultationId, long answerId, boolean hide) {
        return inTransaction("moderate an answer", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE consultation_answer SET hidden = ? WHERE id = ? "
                    + "AND answer_text IS NOT NULL AND submission_id IN "
                    + "(SELECT id FROM consultation_submission WHERE consultation_id = ?)")) {
                s.setBoolean(1, hide);
                s.setLong(2, answerId);
                s.setString(3, consultationId);
                return s.executeUpdate() == 1;
            }
        });
    }
}
