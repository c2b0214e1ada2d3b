package fr.civicgateway.core.votes;

import fr.civicgateway.core.answer.Formats;
import fr.civicgateway.core.answer.PageLinks;
import fr.civicgateway.core.answer.Sources;
import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.conversation.Reply;
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
import java.util.Locale;
import java.util.Optional;

/**
 * {@code vote_result}: the outcome of a scrutin, numbered or found by its topic — adopted or rejected, the counts,
 * and each group's majority position; for a numbered scrutin, then the chart of the votes by group
 * ({@link Reply.Chart}).
 */
public final class VoteResultHandler implements IntentHandler {

    private static final int TOPIC_BUTTONS = 4;
    /** The records API's chart of a scrutin's votes by group (docs/API.md). */
    static final String CHART_PATH = "/api/v1/scrutins/%d/charts/groups";

    private final ParliamentData data;
    private final TopicSearch topics;
    private final PageLinks pages;

    /** @param pages the gateway's public pages, for the "Voir la fiche" line of a result */
    public VoteResultHandler(ParliamentData data, TopicSearch topics, PageLinks pages) {
        this.data = data;
        this.topics = topics;
        this.pages = java.util.Objects.requireNonNull(pages, "pages");
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
                    .map(s -> withChart(turn, s, Answer.text(state.withScrutin(s.number()), describe(turn, s))))
                    .orElseGet(() -> Answer.text(state, RepresentativeVotesHandler.unknownScrutin(turn, data, number)));
        }
        if (topic.isPresent()) {
            String words = topic.get().value();
            TopicSearch.Matches matches = topics.find(words, 1 + TOPIC_BUTTONS);
            if (matches.best().isEmpty()) {
                return Answer.text(state.withTopic(words), turn.msg("vote_result.no_topic", "topic", words));
            }
            Scrutin best = matches.best().getFirst();
            String intro = turn.msg("vote_result.topic_intro", "count", matches.total(), "topic", words);
            List<QuickReply> buttons = new ArrayList<>();
            for (Scrutin other : matches.best().subList(1, matches.best().size())) {
                buttons.add(new QuickReply(turn.msg("votes.button_scrutin", "number", VoteWords.number(other)),
                        turn.msg("votes.ask_result", "number", VoteWords.number(other))));
            }
            return Answer.text(state.withTopic(words).withScrutin(best.number()), intro + "\n" + describe(turn, best), buttons);
        }
        return Answer.text(state.withPendingIntent(Intent.VOTE_RESULT), turn.msg("vote_result.ask"),
                List.of(new QuickReply(turn.msg("vote_result.button_latest"), turn.msg("vote_result.button_latest_text"))));
    }

    /** The answer followed by the chart of the votes by group, when the scrutin has groups' votes to show. */
    private Answer withChart(Turn turn, Scrutin s, Answer answer) {
        if (s.groups().isEmpty() || s.type() == ScrutinType.CENSURE_MOTION) {
            // A censure motion records only the votes for: its text already gives each group's count.
            return answer;
        }
        List<String> captionItems = new ArrayList<>();
        List<String> altItems = new ArrayList<>();
        for (GroupVote g : s.groups()) {
            Object[] counts = {"group", abbreviation(turn, g), "for", g.counts().forVotes(),
                    "against", g.counts().against(), "abstentions", g.counts().abstentions()};
            captionItems.add(turn.msg("vote_result.chart_caption_item", counts));
            altItems.add(turn.msg("vote_result.chart_alt_item", counts));
        }
        List<Reply> replies = new ArrayList<>(answer.replies());
        replies.add(new Reply.Chart(CHART_PATH.formatted(s.number()), Locale.forLanguageTag(turn.language().code()),
                turn.msg("vote_result.chart_alt", "number", VoteWords.number(s), "date", VoteWords.date(turn, s),
                        "result", VoteWords.result(turn, s), "groups", String.join(" ; ", altItems)),
                turn.msg("vote_result.chart_caption", "number", VoteWords.number(s),
                        "groups", String.join(" ; ", captionItems))));
        return new Answer(replies, answer.state());
    }

    /** The group's abbreviation; a group the data does not name is "un groupe non identifié", never its uid. */
    private String abbreviation(Turn turn, GroupVote g) {
        return data.groupAbbreviation(g.groupUid())
                .orElseGet(() -> turn.msg("vote_result.unidentified_group"));
    }

    /**
     * The majority computed from the group's nominal votes ({@link GroupVote#majority()}), as {@code
     * vote_result.group_item} selects on it: none when no member voted, split for a tie.
     */
    private static String position(GroupVote g) {
        if (g.noneTookPart()) {
            return "none";
        }
        return g.majority().map(VoteWords::positionKey).orElse("split");
    }

    String describe(Turn turn, Scrutin s) {
        Language lang = turn.language();
        VoteCounts c = s.counts();
        StringBuilder text = new StringBuilder(turn.msg("vote_result.summary", "number", VoteWords.number(s),
                "date", VoteWords.date(turn, s), "kind", VoteWords.kind(s),
                "title", VoteWords.capitalise(VoteWords.title(s)), "result", VoteWords.result(turn, s),
                "voters", Formats.count(lang, c.voters()), "expressed", Formats.count(lang, c.expressed()),
                "required", Formats.count(lang, c.required())));
        if (!s.groups().isEmpty() && s.type() == ScrutinType.CENSURE_MOTION) {
            // A censure motion records only the votes for: a group's "majority position" would say nothing.
            List<String> parts = new ArrayList<>();
            for (GroupVote g : s.groups()) {
                if (g.counts().forVotes() > 0) {
                    parts.add(turn.msg("vote_result.censure_group_item", "group", abbreviation(turn, g),
                            "count", Integer.toString(g.counts().forVotes())));
                }
            }
            text.append("\n").append(parts.isEmpty() ? turn.msg("vote_result.censure_groups_none")
                    : turn.msg("vote_result.censure_groups", "groups", String.join(", ", parts)));
        } else if (!s.groups().isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (GroupVote g : s.groups()) {
                parts.add(turn.msg("vote_result.group_item", "group", abbreviation(turn, g), "position", position(g),
                        "counts", VoteWords.countsOf(g)));
            }
            text.append("\n").append(turn.msg("vote_result.groups", "groups", String.join(" ; ", parts)));
        }
        text.append("\n").append(turn.msg("vote_result.page_link", "url", pages.scrutin(s.number())));
        text.append("\n").append(Sources.line(turn.messages(), lang, s.pageUrl(), data.info().lastScrutinDate()));
        return text.toString();
    }
}
