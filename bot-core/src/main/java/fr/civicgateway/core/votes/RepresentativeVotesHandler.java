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
                            List.of(new QuickReply(turn.say("Résultat du scrutin", "Result of the vote"),
                                    turn.say("Résultat du scrutin " + number, "Result of scrutin " + number)))))
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
        StringBuilder text = new StringBuilder()
                .append(d.fullName()).append(" ").append(VoteWords.positionPhrase(turn, d, v))
                .append(turn.say(" lors du scrutin ", " in scrutin ")).append(VoteWords.reference(turn, s))
                .append(turn.say(" sur « ", " on \"")).append(VoteWords.title(s)).append(turn.say(" ».", "\"."));
        VoteWords.whyNotVoting(turn, d, v, s).ifPresent(w -> text.append(" ").append(w));
        VoteWords.groupSentence(turn, data, d, v, s).ifPresent(g -> text.append(" ").append(g));
        text.append(turn.say(" Résultat : ", " Result: ")).append(VoteWords.result(turn, s)).append(".");
        text.append("\n").append(Sources.line(turn.language(), s.pageUrl(), data.info().lastScrutinDate()));
        return text.toString();
    }

    private Answer onTopic(Turn turn, ConversationState state, Deputy d, String topic) {
        TopicSearch.Matches matches = topics.find(topic, TOPIC_LIST + TOPIC_BUTTONS);
        if (matches.best().isEmpty()) {
            return Answer.text(state, noTopicMatch(turn, topic));
        }
        StringBuilder text = new StringBuilder(turn.say(
                Formats.count(turn.language(), matches.total()) + " " + Formats.plural(turn.language(), matches.total(), "scrutin correspond", "scrutins correspondent", "", "")
                        + " à « " + topic + " ». Votes de " + d.fullName() + " sur les plus importants :",
                Formats.count(turn.language(), matches.total()) + " " + Formats.plural(turn.language(), matches.total(), "", "", "vote matches", "votes match")
                        + " \"" + topic + "\". " + d.fullName() + "'s votes on the most significant ones:"));
        List<Scrutin> listed = matches.best().subList(0, Math.min(TOPIC_LIST, matches.best().size()));
        for (Scrutin s : listed) {
            DeputyVote v = data.vote(d.uid(), s.number());
            text.append("\n• ").append(turn.say("Scrutin ", "Scrutin ")).append(VoteWords.reference(turn, s))
                    .append(" — ").append(VoteWords.title(s)).append(" : ").append(d.fullName()).append(" ")
                    .append(VoteWords.positionPhrase(turn, d, v)).append(" ; ")
                    .append(VoteWords.result(turn, s)).append(".");
        }
        text.append("\n").append(Sources.line(turn.language(), listed.getFirst().pageUrl(), data.info().lastScrutinDate()));
        List<QuickReply> buttons = new ArrayList<>();
        for (Scrutin s : matches.best()) {
            buttons.add(new QuickReply(turn.say("Scrutin n° ", "Scrutin no. ") + s.number(),
                    turn.say("Comment a voté " + d.fullName() + " au scrutin " + s.number() + " ?",
                            "How did " + d.fullName() + " vote in scrutin " + s.number() + "?")));
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
            return Answer.text(state, turn.say("Aucun scrutin n'est chargé.", "No scrutin is loaded."));
        }
        StringBuilder text = new StringBuilder(turn.say(
                "Les " + recent.size() + " derniers scrutins publics des données, et le vote de " + d.fullName() + " :",
                "The latest " + recent.size() + " public votes in the data, and " + d.fullName() + "'s vote:"));
        for (Scrutin s : recent) {
            DeputyVote v = data.vote(d.uid(), s.number());
            text.append("\n• ").append(turn.say("Scrutin ", "Scrutin ")).append(VoteWords.reference(turn, s))
                    .append(" — ").append(VoteWords.title(s)).append(" : ").append(VoteWords.positionPhrase(turn, d, v));
            if (v.position() == Position.NON_VOTING && v.cause().excusedByFunction()) {
                text.append(turn.say(" (ne pouvait pas voter, cause " + v.cause().code() + ")",
                        " (could not vote, cause " + v.cause().code() + ")"));
            }
            text.append(".");
        }
        text.append("\n").append(Sources.line(turn.language(), d.pageUrl(), data.info().lastScrutinDate()));
        List<QuickReply> buttons = new ArrayList<>(DeputyQuickReplies.about(turn, d, true, false, true));
        return Answer.text(state, text.toString(), buttons);
    }

    /** A scrutin the data does not hold: when it is newer than the data, say how far the data goes. */
    static String unknownScrutin(Turn turn, ParliamentData data, int number) {
        List<Scrutin> all = data.scrutins();
        Scrutin newest = all.isEmpty() ? null : all.getLast();
        if (newest == null || number < newest.number()) {
            return turn.say("Il n'y a pas de scrutin n° " + number + " dans les données chargées.",
                    "There is no scrutin no. " + number + " in the loaded data.");
        }
        String date = Formats.date(turn.language(), newest.date());
        return turn.say("Il n'y a pas de scrutin n° " + number + " dans les données chargées : elles vont jusqu'au "
                        + "scrutin n° " + newest.number() + " du " + date + ".",
                "There is no scrutin no. " + number + " in the loaded data: it goes up to scrutin no. "
                        + newest.number() + " of " + date + ".");
    }

    private String noTopicMatch(Turn turn, String topic) {
        var info = data.info();
        return turn.say(
                "Je ne trouve aucun scrutin dont l'intitulé parle de « " + topic + " » parmi les "
                        + Formats.count(turn.language(), info.scrutinCount()) + " scrutins chargés (du "
                        + Formats.date(turn.language(), info.firstScrutinDate()) + " au "
                        + Formats.date(turn.language(), info.lastScrutinDate()) + "). Essayez un autre mot, ou un numéro de scrutin.",
                "I find no vote whose title is about \"" + topic + "\" among the "
                        + Formats.count(turn.language(), info.scrutinCount()) + " loaded votes (from "
                        + Formats.date(turn.language(), info.firstScrutinDate()) + " to "
                        + Formats.date(turn.language(), info.lastScrutinDate()) + "). Try another word, or a scrutin number.");
    }
}
