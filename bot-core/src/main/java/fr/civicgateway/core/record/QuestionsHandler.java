package fr.civicgateway.core.record;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.parliament.work.Question;
import fr.civicgateway.core.parliament.work.Questions;
import java.util.Optional;

/**
 * {@code representative_questions}: the questions au Gouvernement and questions orales sans débat a deputy asked in
 * séance, by API.md §5 "Questions" — the count by kind, and the latest of each kind with its date and title.
 */
public final class QuestionsHandler extends RecordHandler {

    public QuestionsHandler(ParliamentData data, AssemblyWork work, MethodLinks methods) {
        super(data, work, methods);
    }

    @Override
    public Intent intent() {
        return Intent.REPRESENTATIVE_QUESTIONS;
    }

    @Override
    protected String describe(Turn t, Deputy d) {
        Questions q = work.questions(d.uid());
        Provenance p = q.provenance();
        String name = d.fullName();
        StringBuilder out = new StringBuilder();
        if (p.saysNothingOf(d) || p.from() == null) {
            out.append(t.msg("representative_questions.no_data", "name", name, "to", date(t, p.dataDate())));
        } else if (q.all().isEmpty()) {
            out.append(t.msg("representative_questions.none", "name", name, "gender", gender(d),
                    "from", date(t, p.from()), "to", date(t, p.dataDate())));
        } else {
            out.append(t.msg("representative_questions.count", "name", name, "government", q.government(),
                    "oral", q.oral(), "from", date(t, p.from()), "to", date(t, p.dataDate())));
            for (Question.Kind kind : Question.Kind.values()) {
                Optional<Question> latest = q.all().stream().filter(x -> x.kind() == kind).findFirst();
                latest.ifPresent(x -> out.append('\n').append(t.msg("representative_questions.latest",
                        "kind", kind == Question.Kind.GOVERNMENT ? "government" : "oral",
                        "date", date(t, x.sitting().date()), "title", x.title().strip(), "url", x.sitting().url())));
            }
        }
        out.append('\n').append(methods.sourceLine(t, "representative_questions.source", p));
        return out.toString();
    }
}
