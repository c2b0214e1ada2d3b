package fr.civicgateway.core.record;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.answer.Sources;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.CommitteePresence;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.representative.Participation;
import fr.civicgateway.core.representative.ParticipationCalculator;
import fr.civicgateway.core.text.Text;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * {@code representative_presence}: a deputy's recorded presence at the committee meetings that publish their roll
 * (API.md §5 "Committee presence"), stated as what it is, and beside it, since the chamber records no presence,
 * the deputy's participation in public votes (API.md §4, as {@code representative_attendance} computes it) —
 * each with its source and its method. "Est-ce que mon député est présent à l'Assemblée ?" gets both.
 */
public final class PresenceHandler extends RecordHandler {

    /** Participations computed from one version of the data, by deputy uid (as {@code AttendanceHandler}). */
    private record Computed(long dataVersion, Map<String, Participation> byDeputy) {
    }

    private final AtomicReference<Computed> participations =
            new AtomicReference<>(new Computed(Long.MIN_VALUE, new ConcurrentHashMap<>()));

    /**
     * Presence in the chamber itself ("est-ce que mon député est présent à l'Assemblée ?", "is she present in the
     * chamber?"): the classifier reads it as participation, but the Assemblée records no presence there, so the honest
     * answer is this one — committee presence and participation in votes side by side. Folded words.
     */
    private static final Pattern CHAMBER_PRESENCE = Pattern.compile("\\b(present|presente|presents|presentes|presence"
            + "|absent|absente|absents|absentes)\\b.*\\b(a l assemblee|a l assemblee nationale|dans l hemicycle"
            + "|a l hemicycle|in the assembly|in the chamber|at the assembly|in parliament)\\b");

    public PresenceHandler(ParliamentData data, AssemblyWork work, MethodLinks methods) {
        super(data, work, methods);
    }

    /** A question about presence in the chamber (see {@link #CHAMBER_PRESENCE}); short messages only. */
    @Override
    public boolean claims(String text, ConversationState state) {
        return text.length() <= 160 && CHAMBER_PRESENCE.matcher(Text.foldToWords(text).strip()).find();
    }

    @Override
    public Intent intent() {
        return Intent.REPRESENTATIVE_PRESENCE;
    }

    @Override
    protected String describe(Turn t, Deputy d) {
        CommitteePresence c = work.presence(d.uid());
        Provenance p = c.provenance();
        String name = d.fullName();
        String gender = gender(d);
        StringBuilder out = new StringBuilder();
        if (p.saysNothingOf(d) || p.from() == null) {
            out.append(t.msg("representative_presence.no_data", "name", name, "to", date(t, p.dataDate())));
        } else if (c.entries() == 0) {
            out.append(t.msg("representative_presence.none", "name", name, "gender", gender,
                    "from", date(t, p.from()), "to", date(t, p.dataDate())));
        } else {
            out.append(t.msg("representative_presence.committee", "name", name, "gender", gender,
                    "entries", c.entries(), "present", c.present(), "absent", c.absent(), "excused", c.excused(),
                    "rate", Formats.percent(t.language(), c.present(), c.entries()),
                    "from", date(t, p.from()), "to", date(t, p.dataDate())));
        }
        out.append(' ').append(t.msg("representative_presence.what_it_is"));
        out.append('\n').append(methods.sourceLine(t, "representative_presence.source", p));
        out.append("\n\n").append(participation(t, d, gender));
        return out.toString();
    }

    /** The participation in public votes, with its own source and method. */
    private String participation(Turn t, Deputy d, String gender) {
        String source = t.msg("representative_presence.participation_source",
                "source_line", Sources.line(t.messages(), t.language(), d.pageUrl(), data.info().lastScrutinDate()),
                "method", Provenance.Method.PARTICIPATION.id, "method_url", methods.of(Provenance.Method.PARTICIPATION));
        if (d.mandateStart() == null || (!d.current() && d.mandateEnd() == null)) {
            return t.msg("representative_presence.participation_unknown", "name", d.fullName()) + "\n" + source;
        }
        Participation v = participationOf(d);
        if (v.counted() == 0) {
            return t.msg("representative_presence.participation_none", "name", d.fullName(),
                    "since", date(t, d.mandateStart())) + "\n" + source;
        }
        return t.msg("representative_presence.participation", "name", d.fullName(), "gender", gender,
                "took_part", v.tookPart(), "counted", v.counted(),
                "rate", Formats.percent(t.language(), v.tookPart(), v.counted()),
                "from", date(t, v.firstScrutinDate()), "to", date(t, v.lastScrutinDate())) + "\n" + source;
    }

    private Participation participationOf(Deputy d) {
        long version = data.version();
        Computed computed = participations.updateAndGet(c -> c.dataVersion() == version ? c
                : new Computed(version, new ConcurrentHashMap<>()));
        return computed.byDeputy().computeIfAbsent(d.uid(), uid -> ParticipationCalculator.compute(data, d));
    }
}
