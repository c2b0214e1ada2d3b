package fr.civicgateway.core.votes;

import fr.civicgateway.core.answer.Formats;
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
import fr.civicgateway.core.representative.DeputyQuickReplies;
import fr.civicgateway.core.representative.AboutOneDeputyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code representative_votes}: how a deputy voted — on a numbered scrutin, on the scrutins a topic matches, or
 * lately. Each vote is stated with the API's fixed words, the group's majority position, proxy votes and the
 * scrutin's link.
 */
public final class RepresentativeVotesHandler extends AboutOneDeputyHandler {

    private static final int LATEST = 5;
    private static final int TOPIC_LIST = 3;
    private static final int TOPIC_BUTTONS = 4;

    private final TopicSearch topics;

    public RepresentativeVotesHandler(ParliamentData data, TopicSearch topics) {
        super(data);
        this.topics = topics;
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
        if (topic.isPresent()) {
            return onTopic(turn, state.withTopic(topic.get().value()), d, topic.get().value());
        }
        // No scrutin in particular: a follow-up ("et Boris Vallaud ?") must not take an older one from the context.
        return latest(turn, state.withScrutin(null), d);
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
