package fr.civicgateway.connectors.pages;

import fr.civicgateway.core.answer.Agreement;
import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.answer.Places;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.work.AssemblyWork;
import fr.civicgateway.core.parliament.work.BillRole;
import fr.civicgateway.core.parliament.work.Bills;
import fr.civicgateway.core.parliament.work.CommitteePresence;
import fr.civicgateway.core.parliament.work.Declarations;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.parliament.work.Question;
import fr.civicgateway.core.parliament.work.Questions;
import fr.civicgateway.core.parliament.work.Speeches;
import fr.civicgateway.core.representative.Participation;
import fr.civicgateway.core.representative.ParticipationSource;
import fr.civicgateway.core.votes.VoteAlignments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the page of one deputy shows, every sentence already in the page's language (and the deputy's
 * {@link Agreement#gender gender}, for the template's own sentences): who they are, each figure of
 * their record with its period, source, data date and method, and their latest votes, bills, questions and speech.
 * The figures are the chat's own: the participation of {@link ParticipationSource} (ParticipationCalculator, once
 * per data version), the loyalty of {@link VoteAlignments} and the counts of {@link AssemblyWork}, never computed
 * again here.
 */
public record DeputyPage(String uid, String name, String gender, String description, List<Fact> identity,
                         List<Figure> figures, List<VoteRow> votes, List<Row> bills, List<Row> questions, Row speech,
                         String sourceUrl, String dataDate) {

    /** How many of the latest votes, bills and questions the page lists. */
    static final int LATEST_VOTES = 10;
    static final int LATEST_ITEMS = 5;

    /** One line of the identity list: a label and its value, with a link when the value has a page. */
    public record Fact(String label, String value, String url) {
    }

    /**
     * One figure of the record.
     *
     * @param id        a stable anchor ({@code figure-participation}), also the row's id
     * @param value     the figure as a sentence fragment ("412 sur 500 (82,4 %)"), or why there is none
     * @param period    "du 18 juillet 2024 au 15 avril 2026"; empty when the source has no start
     * @param source    the source's name; {@code sourceUrl} its page
     * @param dataDate  the date the data goes to
     * @param method    the method's id; {@code methodUrl} its section on the methodology page
     */
    public record Figure(String id, String name, String value, String period, String source, String sourceUrl,
                         String dataDate, String method, String methodUrl) {
    }

    /** A vote: the scrutin's number, date, title, the deputy's position as a word. */
    public record VoteRow(int number, String date, String title, String position) {
    }

    /** A dated item with its link: a bill, a question, a sitting. */
    public record Row(String date, String title, String detail, String url) {
    }

    static DeputyPage of(Deputy d, ParliamentData data, AssemblyWork work, ParticipationSource participations,
                         VoteAlignments alignments, MethodLinks methods, PageText t) {
        String gender = Agreement.gender(d);
        String group = d.groupUid() == null ? null : data.groupFullName(d.groupUid()).orElse(null);
        List<Fact> identity = new ArrayList<>();
        identity.add(new Fact(t.msg("pages.deputy_group"), group != null ? group : t.msg("pages.unknown"), null));
        identity.add(new Fact(t.msg("pages.deputy_constituency"), d.constituency() != null
                ? Places.constituency(t.language(), d.constituency()) : t.msg("pages.unknown"), null));
        identity.add(new Fact(t.msg("pages.deputy_mandate"), t.msg("pages.deputy_mandate_value",
                "current", d.current() ? "yes" : "no",
                "since", d.mandateStart() != null ? "yes" : "no", "start", t.date(d.mandateStart()),
                "ended", d.mandateEnd() != null ? "yes" : "no", "end", t.date(d.mandateEnd())), null));
        identity.add(new Fact(t.msg("pages.deputy_assemblee_page"), d.pageUrl(), d.pageUrl()));

        String description = t.msg("pages.deputy_description", "gender", gender,
                "current", d.current() ? "yes" : "no", "has_group", group != null ? "yes" : "no",
                "group", group != null ? group : "");

        List<Figure> figures = new ArrayList<>();
        figures.add(participation(d, data, participations, methods, t));
        figures.add(loyalty(d, gender, data, alignments.loyalty(d.uid()), methods, t));
        figures.add(presence(d, work.presence(d.uid()), methods, t));
        figures.add(speeches(d, work.speeches(d.uid()), methods, t));
        Questions questions = work.questions(d.uid());
        figures.add(questions(d, questions, methods, t));
        Bills bills = work.bills(d.uid());
        figures.add(bills(d, bills, methods, t));
        Declarations declarations = work.declarations(d.uid());
        figures.add(declarations(declarations, methods, t));

        List<VoteRow> votes = new ArrayList<>();
        List<Scrutin> all = data.scrutins();
        // The chat's "latest votes" choice: the newest scrutins, none after the end of the mandate.
        for (int i = all.size() - 1; i >= 0 && votes.size() < LATEST_VOTES; i--) {
            Scrutin s = all.get(i);
            if (d.mandateEnd() != null && s.date().isAfter(d.mandateEnd())) {
                continue;
            }
            if (d.mandateStart() != null && s.date().isBefore(d.mandateStart())) {
                break;
            }
            DeputyVote v = data.vote(d.uid(), s.number());
            votes.add(new VoteRow(s.number(), t.date(s.date()), ScrutinPage.title(s),
                    t.msg("pages.position", "position", positionKey(v.position()),
                            "proxy", v.byProxy() && v.tookPart() ? "yes" : "no")));
        }
        List<Row> billRows = new ArrayList<>();
        for (BillRole b : bills.latest(LATEST_ITEMS)) {
            billRows.add(new Row(t.date(b.date()), b.dossier().title(),
                    t.msg("pages.bill_role", "author", b.author() ? "yes" : "no"), b.dossier().url()));
        }
        List<Row> questionRows = new ArrayList<>();
        for (Question q : questions.latest(LATEST_ITEMS)) {
            questionRows.add(new Row(t.date(q.sitting().date()), q.title(),
                    t.msg("pages.question_kind", "kind", q.kind() == Question.Kind.GOVERNMENT ? "government" : "oral"),
                    q.sitting().url()));
        }
        Speeches speeches = work.speeches(d.uid());
        Row speech = speeches.latest() == null ? null : new Row(t.date(speeches.latest().date()),
                speeches.latest().subject() != null ? speeches.latest().subject() : t.msg("pages.speech_no_subject"),
                "", speeches.latest().url());
        return new DeputyPage(d.uid(), d.fullName(), gender, description, identity, figures, votes, billRows,
                questionRows, speech, d.pageUrl(), t.date(data.info().deputiesDataDate()));
    }

    static String positionKey(Position p) {
        return switch (p) {
            case FOR -> "for";
            case AGAINST -> "against";
            case ABSTENTION -> "abstention";
            case NON_VOTING -> "non_voting";
            case ABSENT -> "absent";
        };
    }

    /** As the chat's AttendanceHandler: a rate only over a known period, from the data version's participations. */
    private static Figure participation(Deputy d, ParliamentData data, ParticipationSource participations,
                                        MethodLinks methods, PageText t) {
        Provenance.Method m = Provenance.Method.PARTICIPATION;
        String name = t.msg("pages.figure_participation");
        String dataDate = t.date(data.info().lastScrutinDate());
        if (d.mandateStart() == null || (!d.current() && d.mandateEnd() == null)) {
            return new Figure("figure-participation", name, t.msg("pages.figure_no_dates"), "",
                    data.info().source(), d.pageUrl(), dataDate, m.id, methods.of(m));
        }
        Participation p = participations.of(d);
        String value = p.counted() == 0 ? t.msg("pages.figure_none_counted")
                : t.msg("pages.figure_participation_value", "took_part", t.count(p.tookPart()),
                        "counted", t.count(p.counted()), "rate", t.percent(p.tookPart(), p.counted()));
        String period = p.counted() == 0 ? "" : t.msg("pages.period", "from", t.date(p.firstScrutinDate()),
                "to", t.date(p.lastScrutinDate()));
        return new Figure("figure-participation", name, value, period, data.info().source(), d.pageUrl(), dataDate,
                m.id, methods.of(m));
    }

    /** As the chat's loyalty answer: VoteAlignments' figure, or why there is none. */
    private static Figure loyalty(Deputy d, String gender, ParliamentData data,
                                  Optional<VoteAlignments.Loyalty> found, MethodLinks methods, PageText t) {
        Provenance.Method m = Provenance.Method.LOYALTY;
        String value = found.map(l -> t.msg("pages.figure_loyalty_value", "same", t.count(l.same()),
                "counted", t.count(l.counted()), "rate", t.percent(l.same(), l.counted())))
                .orElseGet(() -> t.msg("pages.figure_loyalty_none", "gender", gender));
        String period = found.map(l -> t.msg("pages.period", "from", t.date(l.from()), "to", t.date(l.to()))).orElse("");
        return new Figure("figure-loyalty", t.msg("pages.figure_loyalty"), value, period, data.info().source(),
                d.pageUrl(), t.date(data.info().lastScrutinDate()), m.id, methods.of(m));
    }

    private static Figure presence(Deputy d, CommitteePresence c, MethodLinks methods, PageText t) {
        String value = c.provenance().saysNothingOf(d) ? t.msg("pages.figure_outside_period")
                : c.entries() == 0 ? t.msg("pages.figure_presence_none")
                : t.msg("pages.figure_presence_value", "present", t.count(c.present()), "entries", t.count(c.entries()),
                        "rate", t.percent(c.present(), c.entries()));
        return figure("figure-committee-presence", t.msg("pages.figure_presence"), value, c.provenance(), methods, t);
    }

    private static Figure speeches(Deputy d, Speeches s, MethodLinks methods, PageText t) {
        String value = s.provenance().saysNothingOf(d) ? t.msg("pages.figure_outside_period")
                : t.msg("pages.figure_speeches_value", "interventions", s.interventions(), "sittings", s.sittings(),
                        "short", s.shortInterventions());
        return figure("figure-interventions", t.msg("pages.figure_speeches"), value, s.provenance(), methods, t);
    }

    private static Figure questions(Deputy d, Questions q, MethodLinks methods, PageText t) {
        String value = q.provenance().saysNothingOf(d) ? t.msg("pages.figure_outside_period")
                : t.msg("pages.figure_questions_value", "government", q.government(), "oral", q.oral());
        return figure("figure-questions", t.msg("pages.figure_questions"), value, q.provenance(), methods, t);
    }

    private static Figure bills(Deputy d, Bills b, MethodLinks methods, PageText t) {
        String value = b.provenance().saysNothingOf(d) ? t.msg("pages.figure_outside_period")
                : t.msg("pages.figure_bills_value", "authored", b.authored(), "cosigned", b.cosigned());
        return figure("figure-bills", t.msg("pages.figure_bills"), value, b.provenance(), methods, t);
    }

    private static Figure declarations(Declarations decl, MethodLinks methods, PageText t) {
        String value = decl.hatvpPage() == null ? t.msg("pages.figure_declarations_none")
                : t.msg("pages.figure_declarations_value", "count", decl.filed().size());
        Provenance p = decl.provenance();
        Figure f = figure("figure-declarations", t.msg("pages.figure_declarations"), value, p, methods, t);
        // The deputy's own HATVP page, when the index has one, is the better source link.
        return decl.hatvpPage() == null ? f : new Figure(f.id(), f.name(), f.value(), f.period(), f.source(),
                decl.hatvpPage(), f.dataDate(), f.method(), f.methodUrl());
    }

    private static Figure figure(String id, String name, String value, Provenance p, MethodLinks methods, PageText t) {
        String period = p.from() == null ? t.msg("pages.period_until", "to", t.date(p.dataDate()))
                : t.msg("pages.period", "from", t.date(p.from()), "to", t.date(p.dataDate()));
        return new Figure(id, name, value, period, p.source(), p.url(), t.date(p.dataDate()), p.method().id,
                methods.of(p.method()));
    }
}
