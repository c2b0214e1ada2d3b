package fr.civicgateway.core.representative;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.answer.Sources;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.work.Provenance;

import fr.civicgateway.core.answer.Agreement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code representative_attendance}: how often a deputy takes part in public votes, by API.md §4 — the counts,
 * the period, the rate over ordinary and solemn scrutins, the rate over solemn ones alone, and the reminder that
 * this is participation in votes, not presence; then the chart of it month by month ({@link Reply.Chart}).
 */
public final class AttendanceHandler extends AboutOneDeputyHandler {

    /** The records API's participation chart of a deputy (docs/API.md). */
    static final String CHART_PATH = "/api/v1/deputies/%s/charts/participation";

    private final ParticipationSource participations;
    private final MethodLinks methods;

    /**
     * @param participations each deputy's participation in the version of the data that answers (the app's are built
     *                       with each version and swapped with it)
     * @param methods        the methodology page's links, for the method the rate is computed by
     */
    public AttendanceHandler(ParliamentData data, ParticipationSource participations, MethodLinks methods) {
        super(data);
        this.participations = participations;
        this.methods = methods;
    }

    /**
     * Participations computed at the first question each version of the data gets (tests and tools; the app's handler
     * is discovered with its one public constructor and the app's participations).
     */
    public static AttendanceHandler computingOnFirstQuestion(ParliamentData data, MethodLinks methods) {
        return new AttendanceHandler(data, Participations.perVersion(data), methods);
    }

    @Override
    public Intent intent() {
        return Intent.REPRESENTATIVE_ATTENDANCE;
    }

    @Override
    protected Answer answer(Turn turn, Deputy d) {
        List<Reply> replies = new ArrayList<>();
        replies.add(new Reply.Text(describe(turn, d), DeputyQuickReplies.about(turn, d, true, true, false)));
        chart(turn, d).ifPresent(replies::add);
        return new Answer(replies, turn.state().withDeputy(d.uid()));
    }

    /**
     * The participation chart the records API serves for the deputy, worded with the answer's own figures; none when
     * the answer has no rate to show.
     */
    private Optional<Reply.Chart> chart(Turn turn, Deputy d) {
        if (d.mandateStart() == null || (!d.current() && d.mandateEnd() == null)) {
            return Optional.empty();
        }
        Participation p = participations.of(d);
        if (p.counted() == 0) {
            return Optional.empty();
        }
        Language lang = turn.language();
        Object[] figures = {"deputy", d.fullName(), "took_part", Formats.count(lang, p.tookPart()),
                "counted", Formats.count(lang, p.counted()), "from", Formats.date(lang, p.firstScrutinDate()),
                "to", Formats.date(lang, p.lastScrutinDate()), "rate", Formats.percent(lang, p.tookPart(), p.counted())};
        return Optional.of(new Reply.Chart(CHART_PATH.formatted(d.uid()), Locale.forLanguageTag(turn.language().code()),
                turn.msg("representative_attendance.chart_alt", figures),
                turn.msg("representative_attendance.chart_caption", figures)));
    }

    private String describe(Turn turn, Deputy d) {
        Language lang = turn.language();
        String source = "\n" + Sources.line(turn.messages(), lang, d.pageUrl(), data.info().lastScrutinDate());
        if (d.mandateStart() == null || (!d.current() && d.mandateEnd() == null)) {
            // Without both ends of the mandate the period is unknown, and a rate over a guessed period would be wrong.
            return turn.msg("representative_attendance.no_dates", "deputy", d.fullName()) + source;
        }
        String start = Formats.date(lang, d.mandateStart());
        Participation p = participations.of(d);
        if (p.counted() == 0) {
            return turn.msg("representative_attendance.none_counted", "deputy", d.fullName(), "start", start) + source;
        }
        StringBuilder s = new StringBuilder(turn.msg("representative_attendance.rate", "deputy", d.fullName(),
                "took_part", Formats.count(lang, p.tookPart()), "counted", p.counted(),
                "from", Formats.date(lang, p.firstScrutinDate()), "to", Formats.date(lang, p.lastScrutinDate()),
                "rate", Formats.percent(lang, p.tookPart(), p.counted())));
        if (p.byProxy() > 0) {
            s.append(" ").append(turn.msg("representative_attendance.by_proxy", "count", Formats.count(lang, p.byProxy())));
        }
        if (p.solemnCounted() > 0) {
            s.append(" ").append(turn.msg("representative_attendance.solemn",
                    "took_part", Integer.toString(p.solemnTookPart()), "counted", Integer.toString(p.solemnCounted()),
                    "rate", Formats.percent(lang, p.solemnTookPart(), p.solemnCounted())));
        }
        if (p.excusedByFunction() > 0) {
            s.append(" ").append(turn.msg("representative_attendance.excused", "count", p.excusedByFunction(),
                    "gender", Agreement.gender(d)));
        }
        s.append("\n").append(turn.msg("representative_attendance.method", "start", start,
                "method", Provenance.Method.PARTICIPATION.id, "method_url", methods.of(Provenance.Method.PARTICIPATION)));
        return s.append(source).toString();
    }
}
