package fr.civicgateway.opendata.local;

import fr.civicgateway.core.conversation.GeoPoint;
import fr.civicgateway.core.conversation.ChannelCapabilities;
import fr.civicgateway.core.conversation.IncomingMessage;
import fr.civicgateway.core.conversation.Reply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.ConversationState;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.local.LocalDataSource;
import fr.civicgateway.core.local.LocalProjectsHandler;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.Understanding;
import java.time.Instant;
import java.util.List;

/** Asks {@link LocalProjectsHandler} a question as the dialogue would, once the NLU has said it is local_projects. */
final class Turns {

    /** The shipped town, as the app's built-in civic.town. */
    static final fr.civicgateway.core.town.Town PARIS = new fr.civicgateway.core.town.Town("Paris",
            java.time.ZoneId.of("Europe/Paris"), fr.civicgateway.core.town.Town.Places.ARRONDISSEMENTS,
            List.of("75011", "75001"));

    private Turns() {
    }

    static Reply.Text ask(List<LocalDataSource> sources, String text, Language language, GeoPoint at, String channel,
                          Instant now) {
        // A Telegram private chat can share a position; the web chat cannot.
        IncomingMessage m = new IncomingMessage(channel, "test-conversation", text, language, at)
                .withCapabilities("telegram".equals(channel) ? ChannelCapabilities.ALL : ChannelCapabilities.BUTTONS);
        Understanding u = new Understanding(text, language, List.of(new IntentScore(Intent.LOCAL_PROJECTS, 1.0)),
                List.of());
        Answer a = new LocalProjectsHandler(sources, PARIS).handle(new Turn(m, u, language,
                ConversationState.start(language, now), now));
        return (Reply.Text) a.replies().getFirst();
    }

    static Reply.Text ask(List<LocalDataSource> sources, String text, Instant now) {
        return ask(sources, text, Language.FR, null, "web", now);
    }

    /** The "• …" lines of an answer. */
    static List<String> items(Reply.Text reply) {
        return reply.text().lines().filter(l -> l.startsWith("• ")).toList();
    }
}
