package fr.civicgateway.core.record;

import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.parliament.work.SittingRef;
import fr.civicgateway.core.parliament.work.Speeches;

/**
 * {@code representative_speeches}: a deputy's interventions in séance publique by API.md §5 "Interventions" — the
 * count, the sittings spoken in, the short interventions apart, the latest sitting with its date and subject.
 */
public final class SpeechesHandler extends RecordHandler {

    public SpeechesHandler(ParliamentData data, AssemblyWork work, MethodLinks methods) {
        super(data, work, methods);
    }

    @Override
    public Intent intent() {
        return Intent.REPRESENTATIVE_SPEECHES;
    }

    @Override
    protected String describe(Turn t, Deputy d) {
        Speeches s = work.speeches(d.uid());
        Provenance p = s.provenance();
        String name = d.fullName();
        String gender = gender(d);
        StringBuilder out = new StringBuilder();
        if (p.saysNothingOf(d) || p.from() == null) {
            out.append(t.msg("representative_speeches.no_data", "name", name, "to", date(t, p.dataDate())));
        } else if (s.interventions() == 0) {
            out.append(t.msg("representative_speeches.none", "name", name, "gender", gender,
                    "from", date(t, p.from()), "to", date(t, p.dataDate())));
        } else {
            out.append(t.msg("representative_speeches.count", "name", name, "interventions", s.interventions(),
                    "sittings", s.sittings(), "short", s.shortInterventions(),
                    "from", date(t, p.from()), "to", date(t, p.dataDate())));
            SittingRef latest = s.latest();
            if (latest != null) {
                out.append('\n');
                if (latest.subject() != null && !latest.subject().isBlank()) {
                    out.append(t.msg("representative_speeches.latest", "gender", gender,
                            "date", date(t, latest.date()), "subject", latest.subject().strip(), "url", latest.url()));
                } else {
                    out.append(t.msg("representative_speeches.latest_without_subject", "gender", gender,
                            "date", date(t, latest.date()), "url", latest.url()));
                }
            }
        }
        out.append('\n').append(methods.sourceLine(t, "representative_speeches.source", p));
        return out.toString();
    }
}
