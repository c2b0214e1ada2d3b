package fr.civicgateway.core.votes;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.answer.Sources;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.EntityMention;
import fr.civicgateway.core.nlu.EntityType;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.parliament.GroupVote;
import fr.civicgateway.core.parliament.ParliamentData;
import fr.civicgateway.core.parliament.Scrutin;
import fr.civicgateway.core.parliament.ScrutinType;
import fr.civicgateway.core.parliament.VoteCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code vote_result}: the outcome of a scrutin, numbered or found by its topic — adopted or rejected, the counts,
 * and each group's majority position.
 */
public final class VoteResultHandler implements IntentHandler {

    private static final int TOPIC_BUTTONS = 4;

    private final ParliamentData data;
    private final TopicSearch topics;

    public VoteResultHandler(ParliamentData data, TopicSearch topics) {
        this.data = data;
        this.topics = topics;
    }

    @Override
    public Intent intent() {
        return Intent.VOTE_RESULT;
    }

    @Override
    public Answer handle(Turn turn) {
        ConversationState state = turn.state();
        Optional<EntityMention> scrutin = turn.entity(EntityType.SCRUTIN);
        Optional<EntityMention> topic = turn.entity(EntityType.TOPIC);
        Integer number = scrutin.map(e -> Integer.parseInt(e.value()))
                .orElse(topic.isPresent() ? null : state.lastScrutin());
        if (number != null) {
            return data.scrutin(number)
                    .map(s -> Answer.text(state.withScrutin(s.number()), describe(turn, s)))
                    .orElseGet(() -> Answer.text(state, RepresentativeVotesHandler.unknownScrutin(turn, data, number)));
        }
        if (topic.isPresent()) {
            String words = topic.get().value();
            TopicSearch.Matches matches = topics.find(words, 1 + TOPIC_BUTTONS);
            if (matches.best().isEmpty()) {
                return Answer.text(state.withTopic(words), turn.say(
                        "Je ne trouve aucun scrutin dont l'intitulé parle de « " + words + " » dans les données.",
                        "I find no vote whose title is about \"" + words + "\" in the data."));
            }
            Scrutin best = matches.best().getFirst();
            String intro = turn.say(
                    Formats.count(turn.language(), matches.total()) + " " + Formats.plural(turn.language(), matches.total(),
                            "scrutin correspond", "scrutins correspondent", "", "") + " à « " + words + " » ; voici le plus important.",
                    Formats.count(turn.language(), matches.total()) + " " + Formats.plural(turn.language(), matches.total(),
                            "", "", "vote matches", "votes match") + " \"" + words + "\"; here is the most significant.");
            List<QuickReply> buttons = new ArrayList<>();
            for (Scrutin other : matches.best().subList(1, matches.best().size())) {
                buttons.add(new QuickReply(turn.say("Scrutin n° ", "Scrutin no. ") + other.number(),
                        turn.say("Résultat du scrutin " + other.number(), "Result of scrutin " + other.number())));
            }
            return Answer.text(state.withTopic(words).withScrutin(best.number()), intro + "\n" + describe(turn, best), buttons);
        }
        return Answer.text(state.withPendingIntent(Intent.VOTE_RESULT), turn.say(
                "De quel scrutin voulez-vous le résultat ? Donnez son numéro (« scrutin 3876 ») ou son sujet "
                        + "(« le budget », « la motion de censure »).",
                "Which vote do you want the result of? Give its number (\"scrutin 3876\") or its subject "
                        + "(\"the budget\", \"the censure motion\")."),
                List.of(new QuickReply(turn.say("Derniers scrutins", "Latest votes"),
                        turn.say("Qu'est-ce qui a été voté récemment ?", "What was voted recently?"))));
    }

    /** The group's abbreviation; a group the data does not name is "un groupe non identifié", never its uid. */
    private String abbreviation(Turn turn, GroupVote g) {
        return data.groupAbbreviation(g.groupUid())
                .orElseGet(() -> turn.say("groupe non identifié", "unidentified group"));
    }

    /** The majority computed from the group's nominal votes ({@link GroupVote#majority()}). */
    private static String position(Turn turn, GroupVote g) {
        if (g.noneTookPart()) {
            return turn.say("sans vote", "no vote");
        }
        return g.majority().map(p -> VoteWords.groupPosition(turn.language(), p))
                .orElseGet(() -> turn.say("partagé", "split"));
    }

    String describe(Turn turn, Scrutin s) {
        Language lang = turn.language();
        VoteCounts c = s.counts();
        StringBuilder text = new StringBuilder()
                .append(turn.say("Scrutin ", "Scrutin ")).append(VoteWords.reference(turn, s))
                .append(" (").append(VoteWords.kind(turn, s)).append(") — ")
                .append(VoteWords.capitalise(VoteWords.title(s))).append(" : ")
                .append(VoteWords.result(turn, s)).append(".");
        text.append(turn.say(" Votants : " + Formats.count(lang, c.voters()) + ", suffrages exprimés : "
                        + Formats.count(lang, c.expressed()) + ", majorité requise : " + Formats.count(lang, c.required()) + ".",
                " Voters: " + Formats.count(lang, c.voters()) + ", votes cast: " + Formats.count(lang, c.expressed())
                        + ", required majority: " + Formats.count(lang, c.required()) + "."));
        if (!s.groups().isEmpty() && s.type() == ScrutinType.CENSURE_MOTION) {
            // A censure motion records only the votes for: a group's "majority position" would say nothing.
            List<String> parts = new ArrayList<>();
            for (GroupVote g : s.groups()) {
                if (g.counts().forVotes() > 0) {
                    parts.add(abbreviation(turn, g) + " " + g.counts().forVotes());
                }
            }
            text.append(turn.say("\nVoix pour par groupe : ", "\nVotes for by group: "))
                    .append(parts.isEmpty() ? turn.say("aucune", "none") : String.join(", ", parts)).append(".");
        } else if (!s.groups().isEmpty()) {
            text.append(turn.say("\nPosition majoritaire des groupes : ", "\nGroups' majority positions: "));
            List<String> parts = new ArrayList<>();
            for (GroupVote g : s.groups()) {
                parts.add(abbreviation(turn, g) + " " + position(turn, g) + " (" + VoteWords.countsOf(g) + ")");
            }
            text.append(String.join(" ; ", parts)).append(turn.say(" [pour/contre/abstentions].", " [for/against/abstentions]."));
        }
        text.append("\n").append(Sources.line(lang, s.pageUrl(), data.info().lastScrutinDate()));
        return text.toString();
    }
}
