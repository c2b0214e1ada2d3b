package fr.civicgateway.core.consultations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link ConsultationStore} in memory, for tests and for a gateway run without a database: everything is lost on
 * restart. One lock for all: consultations are small and this store is not meant for production volumes.
 */
public final class InMemoryConsultationStore implements ConsultationStore {

    private final Map<String, Submission> byKey = new LinkedHashMap<>();
    private long nextId = 1;

    private static String key(String consultationId, String pseudonym) {
        return consultationId + "\u0000" + pseudonym;
    }

    @Override
    public synchronized SaveOutcome save(Ballot ballot, String pseudonym, Instant at, boolean replace) {
        String key = key(ballot.consultationId(), pseudonym);
        Submission existing = byKey.get(key);
        if (existing != null && !replace) {
            return SaveOutcome.ALREADY_ANSWERED;
        }
        long id = existing == null ? nextId++ : existing.id();
        Instant first = existing == null ? at : existing.submittedAt();
        byKey.put(key, new Submission(id, ballot.consultationId(), pseudonym, first, at, rows(ballot)));
        return existing == null ? SaveOutcome.CREATED : SaveOutcome.REPLACED;
    }

    private List<Submission.StoredAnswer> rows(Ballot ballot) {
        List<Submission.StoredAnswer> rows = new ArrayList<>();
        ballot.responses().forEach((questionId, response) -> {
            switch (response) {
                case Response.Choices c -> c.optionIds().forEach(o -> rows.add(new Submission.StoredAnswer(nextId++, questionId, o, null, false)));
                case Response.Rating r -> rows.add(new Submission.StoredAnswer(nextId++, questionId, String.valueOf(r.value()), null, false));
                case Response.Text t -> rows.add(new Submission.StoredAnswer(nextId++, questionId, null, t.text(), false));
            }
        });
        return rows;
    }

    @Override
    public synchronized Optional<Submission> find(String consultationId, String pseudonym) {
        return Optional.ofNullable(byKey.get(key(consultationId, pseudonym)));
    }

    @Override
    public synchronized Results results(String consultationId) {
        Map<String, Map<String, Long>> choices = new HashMap<>();
        Map<String, Long> texts = new HashMap<>();
        Map<String, Long> hidden = new HashMap<>();
        long count = 0;
        for (Submission s : submissions(consultationId)) {
            count++;
            for (Submission.StoredAnswer a : s.answers()) {
                if (a.choice() != null) {
                    choices.computeIfAbsent(a.questionId(), q -> new TreeMap<>()).merge(a.choice(), 1L, Long::sum);
                } else {
                    texts.merge(a.questionId(), 1L, Long::sum);
                    if (a.hidden()) {
                        hidden.merge(a.questionId(), 1L, Long::sum);
                    }
                }
            }
        }
        return new Results(consultationId, count, choices, texts, hidden);
    }

    @Override
    public synchronized List<Submission> submissions(String consultationId) {
        return byKey.values().stream().filter(s -> s.consultationId().equals(consultationId))
                .sorted(Comparator.comparing(Submission::submittedAt).thenComparing(Submission::id)).toList();
    }

    @Override
    public synchronized boolean setHidden(String consultationId, long answerId, boolean hidden) {
        for (Map.Entry<String, Submission> e : byKey.entrySet()) {
            Submission s = e.getValue();
            if (!s.consultationId().equals(consultationId)) {
                continue;
            }
            List<Submission.StoredAnswer> answers = new ArrayList<>(s.answers());
            for (int i = 0; i < answers.size(); i++) {
                Submission.StoredAnswer a = answers.get(i);
                if (a.id() == answerId && a.text() != null) {
                    answers.set(i, new Submission.StoredAnswer(a.id(), a.questionId(), null, a.text(), hidden));
                    e.setValue(new Submission(s.id(), s.consultationId(), s.pseudonym(), s.submittedAt(), s.updatedAt(), answers));
                    return true;
                }
            }
        }
        return false;
    }
}
