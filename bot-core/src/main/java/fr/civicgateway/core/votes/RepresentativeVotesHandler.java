package fr.civicgateway.core.votes;

import fr.civicgateway.core.answer.Agreement;
import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.answer.MethodLinks;
import fr.civicgateway.core.answer.Sources;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.parliament.Deputy;
import fr.civicgateway.core.parliament.DeputyVote;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Position;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.work.Provenance;
import fr.civicgateway.core.representative.DeputyQuickReplies;
import fr.civicgateway.core.representative.AboutOneDeputyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code representative_votes}: how a deputy voted — on a numbered scrutin, on the scrutins a topic matches, or
 * lately. Each vote is stated with the API's fixed words, the group's majority position, proxy votes and the
 * scrutin's link. The same intent answers the figures of {@link VoteAlignments}: whether a deputy votes like their
 * group (loyalty), whether two deputies named in one message vote alike (closeness), and whether a group named
 * without a deputy votes as one (cohesion).
 */
public final class RepresentativeVotesHandler extends AboutOneDeputyHandler {

    /** {@link ConversationState#lastAspect()} of a loyalty answer, and of a closeness answer (to its first deputy). */
    static final String LOYALTY = "loyalty";
    static final String CLOSENESS = "closeness";
    /** {@link ConversationState#lastAspect()} of a group's cohesion: "et le RN ?" asks it of that group. */
    public static final String COHESION = "cohesion";

    private static final int LATEST = 5;
    private static final int TOPIC_LIST = 3;
    private static final int TOPIC_BUTTONS = 4;

    private final TopicSearch topics;
    private final VoteAlignments alignments;
    private final MethodLinks methods;

    /**
     * @param alignments the vote figures of the data that answers (the app's one instance, shared with the records API)
     * @param methods    the methodology page's links, for the method each figure is computed by
     */
    public RepresentativeVotesHandler(ParliamentData data, TopicSearch topics, VoteAlignments alignments,
                                      MethodLinks methods) {
        super(data);
        this.topics = topics;
        this.alignments = alignments;
        this.methods = methods;
    }

    @Override
    public Intent intent() {
        return Intent.REPRESENTATIVE_VOTES;
    }

    @Override
    protected Answer answer(Turn turn, Deputy d) {
        ConversationState state = turn.state().withDeputy(d.uid());
        Optional<EntityMention> scrutin = turn.entity(EntityType.SCRUTIN);
        if (scrutin.isPresent()) {
            int number = Integer.parseInt(scrutin.get().value());
            return data.scrutin(number)
                    .map(s -> Answer.text(state.withScrutin(number), onScrutin(turn, d, s),
                            List.of(new QuickReply(turn.msg("representative_votes.button_result"),
                                    turn.msg("votes.ask_result", "number", Integer.toString(number))))))
                    .orElseGet(() -> Answer.text(state, unknownScrutin(turn, data, number)));
        }
        Optional<EntityMention> topic = turn.entity(EntityType.TOPIC);
        Optional<EntityMention> other = secondDeputy(turn, d);
        if (other.isPresent() && topic.isEmpty()) {
            return closeness(turn, state.withLastAspect(CLOSENESS), d, other.get());
        }
        // "et Mathilde Panot ?" after "Boris Vallaud et Marine Le Pen votent-ils pareil ?": the first deputy compared
        // with the one named now (the dialogue hands the aspect over on such a follow-up only).
        String previous = turn.state().lastDeputyUid();
        if (CLOSENESS.equals(turn.state().lastAspect()) && topic.isEmpty() && previous != null
                && !previous.equals(d.uid()) && data.deputy(previous).isPresent()) {
            return closeness(turn, state.withDeputy(previous), data.deputy(previous).get(),
                    new EntityMention(EntityType.DEPUTY, d.uid(), d.fullName(), 0, d.fullName().length()));
        }
        if (topic.isPresent()) {
            return onTopic(turn, state.withTopic(topic.get().value()).withLastAspect(null), d, topic.get().value());
        }
        if (LOYALTY.equals(turn.state().lastAspect())
                || AlignmentWords.asksLoyalty(turn.message().text(), turn.entity(EntityType.GROUP).isPresent())) {
            return Answer.text(state.withScrutin(null).withLastAspect(LOYALTY), loyalty(turn, d),
                    DeputyQuickReplies.about(turn, d, true, false, true));
        }
        // No scrutin in particular: a follow-up ("et Boris Vallaud ?") must not take an older one from the context.
        return latest(turn, state.withScrutin(null).withLastAspect(null), d);
    }

    @Override
    protected String aspect(Turn turn) {
        return turn.entities(EntityType.DEPUTY).size() < 2 && turn.entity(EntityType.TOPIC).isEmpty()
                && turn.entity(EntityType.SCRUTIN).isEmpty()
                && (LOYALTY.equals(turn.state().lastAspect())
                || AlignmentWords.asksLoyalty(turn.message().text(), turn.entity(EntityType.GROUP).isPresent()))
                ? LOYALTY : null;
    }

    /** One vote, stated in full. */
    String onScrutin(Turn turn, Deputy d, Scrutin s) {
        DeputyVote v = data.vote(d.uid(), s.number());
        StringBuilder text = new StringBuilder(turn.msg("representative_votes.on_scrutin", "deputy", d.fullName(),
                "position", VoteWords.positionPhrase(turn, d, v), "number", VoteWords.number(s),
                "date", VoteWords.date(turn, s), "title", VoteWords.title(s)));
        VoteWords.whyNotVoting(turn, d, v, s).ifPresent(w -> text.append(" ").append(w));
        VoteWords.groupSentence(turn, data, d, v, s).ifPresent(g -> text.append(" ").append(g));
        text.append(" ").append(turn.msg("representative_votes.result", "result", VoteWords.result(turn, s)));
        text.append("\n").append(Sources.line(turn.messages(), turn.language(), s.pageUrl(), data.info().lastScrutinDate()));
        return text.toString();
    }

    private Answer onTopic(Turn turn, ConversationState state, Deputy d, String topic) {
        TopicSearch.Matches matches = topics.find(topic, TOPIC_LIST + TOPIC_BUTTONS);
        if (matches.best().isEmpty()) {
            return Answer.text(state, noTopicMatch(turn, topic));
        }
        StringBuilder text = new StringBuilder(turn.msg("representative_votes.topic_intro", "count", matches.total(),
                "topic", topic, "deputy", d.fullName()));
        List<Scrutin> listed = matches.best().subList(0, Math.min(TOPIC_LIST, matches.best().size()));
        for (Scrutin s : listed) {
            DeputyVote v = data.vote(d.uid(), s.number());
            text.append("\n• ").append(turn.msg("representative_votes.topic_item", "number", VoteWords.number(s),
                    "date", VoteWords.date(turn, s), "title", VoteWords.title(s), "deputy", d.fullName(),
                    "position", VoteWords.positionPhrase(turn, d, v), "result", VoteWords.result(turn, s)));
        }
        text.append("\n").append(Sources.line(turn.messages(), turn.language(), listed.getFirst().pageUrl(), data.info().lastScrutinDate()));
        List<QuickReply> buttons = new ArrayList<>();
        for (Scrutin s : matches.best()) {
            buttons.add(new QuickReply(turn.msg("votes.button_scrutin", "number", VoteWords.number(s)),
                    turn.msg("representative_votes.ask_vote_on", "deputy", d.fullName(), "number", VoteWords.number(s))));
        }
        return Answer.text(state.withScrutin(listed.getFirst().number()), text.toString(), buttons);
    }

    private Answer latest(Turn turn, ConversationState state, Deputy d) {
        List<Scrutin> all = data.scrutins();
        List<Scrutin> recent = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && recent.size() < LATEST; i--) {
            Scrutin s = all.get(i);
            if (d.mandateEnd() != null && s.date().isAfter(d.mandateEnd())) {
                continue;
            }
            recent.add(s);
        }
        if (recent.isEmpty()) {
            return Answer.text(state, turn.msg("representative_votes.none_loaded"));
        }
        StringBuilder text = new StringBuilder(turn.msg("representative_votes.latest_intro", "count", recent.size(),
                "deputy", d.fullName()));
        for (Scrutin s : recent) {
            DeputyVote v = data.vote(d.uid(), s.number());
            String number = VoteWords.number(s);
            String date = VoteWords.date(turn, s);
            String position = VoteWords.positionPhrase(turn, d, v);
            text.append("\n• ").append(v.position() == Position.NON_VOTING && v.cause().excusedByFunction()
                    ? turn.msg("representative_votes.latest_item_excused", "number", number, "date", date,
                            "title", VoteWords.title(s), "position", position, "cause", v.cause().code())
                    : turn.msg("representative_votes.latest_item", "number", number, "date", date,
                            "title", VoteWords.title(s), "position", position));
        }
        text.append("\n").append(Sources.line(turn.messages(), turn.language(), d.pageUrl(), data.info().lastScrutinDate()));
        List<QuickReply> buttons = new ArrayList<>(DeputyQuickReplies.about(turn, d, true, false, true));
        return Answer.text(state, text.toString(), buttons);
    }

    /**
     * "Le groupe LFI est-il uni ?": a group named, no deputy, no scrutin — and, with a topic, words of unity — is the
     * group's cohesion.
     */
    @Override
    protected Optional<Answer> beforeResolving(Turn turn) {
        Optional<EntityMention> group = turn.entity(EntityType.GROUP);
        if (group.isEmpty() || turn.entity(EntityType.DEPUTY).isPresent() || turn.entity(EntityType.SCRUTIN).isPresent()
                || (turn.entity(EntityType.TOPIC).isPresent() && !AlignmentWords.asksCohesion(turn.message().text()))) {
            return Optional.empty();
        }
        return Optional.of(Answer.text(turn.state().withScrutin(null).withLastAspect(COHESION), cohesion(turn, group.get())));
    }

    /** Another deputy than {@code d} named in the message, for a comparison of the two. */
    private static Optional<EntityMention> secondDeputy(Turn turn, Deputy d) {
        List<EntityMention> named = turn.entities(EntityType.DEPUTY);
        return named.size() < 2 ? Optional.empty()
                : named.stream().filter(m -> !d.uid().equals(m.value()) || m.ambiguous() || m.guessed()).findFirst()
                        .or(() -> Optional.of(named.get(1)));
    }

    private String loyalty(Turn turn, Deputy d) {
        var lang = turn.language();
        String gender = Agreement.gender(d);
        String source = Sources.line(turn.messages(), lang, d.pageUrl(), data.info().lastScrutinDate());
        Optional<VoteAlignments.Loyalty> found = alignments.loyalty(d.uid());
        if (found.isEmpty()) {
            return turn.msg("representative_votes.no_loyalty", "deputy", d.fullName(), "gender", gender) + "\n" + source;
        }
        VoteAlignments.Loyalty l = found.get();
        return turn.msg("representative_votes.loyalty", "deputy", d.fullName(), "gender", gender,
                "share", Formats.percent(lang, l.same(), l.counted()), "same", Formats.count(lang, l.same()),
                "counted", Formats.count(lang, l.counted()), "apart", l.counted() - l.same(),
                "from", Formats.date(lang, l.from()), "to", Formats.date(lang, l.to()))
                + "\n" + turn.msg("representative_votes.loyalty_method", "gender", gender,
                        "method", Provenance.Method.LOYALTY.id, "method_url", methods.of(Provenance.Method.LOYALTY))
                + "\n" + source;
    }

    private Answer closeness(Turn turn, ConversationState state, Deputy a, EntityMention mention) {
        var lang = turn.language();
        Optional<Deputy> found = mention.ambiguous() || mention.guessed() ? Optional.empty() : data.deputy(mention.value());
        if (found.isEmpty()) {
            List<String> names = (mention.guessed() ? mention.candidates() : mention.alternatives()).stream()
                    .map(data::deputy).flatMap(Optional::stream).map(c -> resolver.label(turn, c)).toList();
            return Answer.text(state, names.isEmpty()
                    ? turn.msg("representative_votes.second_unknown", "mention", mention.text(), "deputy", a.fullName())
                    : turn.msg("representative_votes.second_ambiguous", "mention", mention.text(),
                            "candidates", String.join(" ; ", names), "deputy", a.fullName()));
        }
        Deputy b = found.get();
        if (b.uid().equals(a.uid())) {
            return Answer.text(state, turn.msg("representative_votes.same_deputy", "deputy", a.fullName()));
        }
        String sources = turn.msg("representative_votes.closeness_sources", "url_a", a.pageUrl(), "url_b", b.pageUrl(),
                "date", Formats.date(lang, data.info().lastScrutinDate()));
        Optional<VoteAlignments.Closeness> c = alignments.closeness(a.uid(), b.uid());
        if (c.isEmpty()) {
            return Answer.text(state, turn.msg("representative_votes.no_closeness", "a", a.fullName(), "b", b.fullName())
                    + "\n" + sources);
        }
        VoteAlignments.Closeness x = c.get();
        return Answer.text(state.withScrutin(null), turn.msg("representative_votes.closeness", "a", a.fullName(),
                "b", b.fullName(), "share", Formats.percent(lang, x.same(), x.common()),
                "same", Formats.count(lang, x.same()), "common", Formats.count(lang, x.common()),
                "from", Formats.date(lang, x.from()), "to", Formats.date(lang, x.to()))
                + "\n" + turn.msg("representative_votes.closeness_method",
                        "method", Provenance.Method.CLOSENESS.id, "method_url", methods.of(Provenance.Method.CLOSENESS))
                + "\n" + sources);
    }

    private String cohesion(Turn turn, EntityMention group) {
        var lang = turn.language();
        String groupUid = group.value();
        String source = Sources.line(turn.messages(), lang,
                "https://www.assemblee-nationale.fr/dyn/" + data.info().legislature() + "/scrutins",
                data.info().lastScrutinDate());
        String name = data.groupFullName(groupUid).orElse(null);
        Optional<VoteAlignments.Cohesion> found = alignments.cohesion(groupUid);
        if (name == null || found.isEmpty()) {
            boolean nonInscrits = data.groupAbbreviation(groupUid).filter("NI"::equals).isPresent();
            return (nonInscrits ? turn.msg("representative_votes.no_cohesion_ni")
                    : turn.msg("representative_votes.no_cohesion", "group", name == null ? group.text() : name)) + "\n" + source;
        }
        VoteAlignments.Cohesion c = found.get();
        StringBuilder text = new StringBuilder(turn.msg("representative_votes.cohesion", "group", name,
                "rice", Formats.index(lang, c.averageRice()), "count", c.scrutins(),
                "from", Formats.date(lang, c.from()), "to", Formats.date(lang, c.to())));
        c.months().stream().min(java.util.Comparator.comparingDouble(VoteAlignments.MonthlyRice::averageRice))
                .filter(m -> c.months().size() > 1)
                .ifPresent(m -> text.append(" ").append(turn.msg("representative_votes.cohesion_lowest_month",
                        "month", Formats.month(lang, m.month()), "rice", Formats.index(lang, m.averageRice()),
                        "count", m.scrutins())));
        return text.append("\n").append(turn.msg("representative_votes.cohesion_method",
                        "method", Provenance.Method.COHESION.id, "method_url", methods.of(Provenance.Method.COHESION)))
                .append("\n").append(source).toString();
    }

    /** A scrutin the data does not hold: when it is newer than the data, say how far the data goes. */
    static String unknownScrutin(Turn turn, ParliamentData data, int number) {
        List<Scrutin> all = data.scrutins();
        Scrutin newest = all.isEmpty() ? null : all.getLast();
        if (newest == null || number < newest.number()) {
            return turn.msg("votes.unknown_scrutin", "number", Integer.toString(number));
        }
        return turn.msg("votes.unknown_scrutin_newer", "number", Integer.toString(number),
                "newest", VoteWords.number(newest), "date", VoteWords.date(turn, newest));
    }

    private String noTopicMatch(Turn turn, String topic) {
        var info = data.info();
        return turn.msg("representative_votes.no_topic", "topic", topic,
                "count", Formats.count(turn.language(), info.scrutinCount()),
                "from", Formats.date(turn.language(), info.firstScrutinDate()),
                "to", Formats.date(turn.language(), info.lastScrutinDate()));
    }
}
