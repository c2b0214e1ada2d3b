package fr.civicgateway.connectors.telegram;

import fr.civicgateway.core.conversation.QuickReply;
import fr.civicgateway.core.dialogue.Answer;
import fr.civicgateway.core.dialogue.Dialogue;
import fr.civicgateway.core.dialogue.InMemoryConversationStore;
import fr.civicgateway.core.dialogue.IntentHandler;
import fr.civicgateway.core.dialogue.Turn;
import fr.civicgateway.core.nlu.Intent;
import fr.civicgateway.core.nlu.IntentScore;
import fr.civicgateway.core.nlu.Language;
import fr.civicgateway.core.nlu.NaturalLanguageUnderstanding;
import fr.civicgateway.core.nlu.Understanding;
import fr.civicgateway.core.smalltalk.GreetHandler;
import fr.civicgateway.core.smalltalk.HelpHandler;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A real {@link Dialogue} from bot-core over a keyword NLU and a few small handlers, so that the connector is
 * tested without the open-data snapshot. The greeting and help are the core's own.
 */
final class TestDialogues {

    static final String VOTE_ANSWER = "Le scrutin n° 3876 a été adopté : 334 pour, 134 contre, 2 abstentions. "
            + "Source : https://www.assemblee-nationale.fr/dyn/17/scrutins/3876 (données au 20/11/2026).";
    static final String PARTICIPATION_ANSWER = "Mathilde Panot a pris part à 412 des 1 203 scrutins publics ordinaires "
            + "et solennels tenus du 18 juillet 2024 au 20 novembre 2026, soit 34,2 %.";
    static final String PARTICIPATION_CHART = "/api/v1/deputies/PA720892/charts/participation";
    static final String PARTICIPATION_CAPTION = "Participation de Mathilde Panot aux scrutins publics, mois par mois : "
            + "412 sur 1 203 sur toute la période, soit 34,2 %.";
    static final String LONG_PAYLOAD = "Comment a voté Mathilde Panot sur le projet de loi de financement de la sécurité sociale ?";

    /** Every message the core received, to check what the connector handed over. */
    final List<fr.civicgateway.core.conversation.IncomingMessage> received = new CopyOnWriteArrayList<>();

    Dialogue dialogue() {
        NaturalLanguageUnderstanding nlu = (text, hint) -> {
            String t = text.toLowerCase(Locale.ROOT);
            if (t.contains("boom")) {
                throw new IllegalStateException("the NLU model failed");
            }
            Intent intent = t.startsWith("bonjour") || t.startsWith("hello") ? Intent.GREET
                    : t.equals("aide") || t.equals("help") ? Intent.HELP
                    : t.contains("participation") ? Intent.REPRESENTATIVE_ATTENDANCE
                    : t.contains("scrutin") ? Intent.VOTE_RESULT
                    : t.contains("mathilde panot") ? Intent.REPRESENTATIVE_VOTES
                    : t.contains("long") ? Intent.PARLIAMENT_ACTIVITY
                    : t.contains("position") || t.contains("location") ? Intent.FIND_REPRESENTATIVE
                    : t.contains("lent") ? Intent.CONSULTATION
                    : Intent.OUT_OF_SCOPE;
            return new Understanding(text, hint == null ? Language.FR : hint, List.of(new IntentScore(intent, 0.9)), List.of());
        };
        List<IntentHandler> handlers = new ArrayList<>();
        handlers.add(handler(Intent.GREET, new GreetHandler()::handle));
        handlers.add(handler(Intent.HELP, new HelpHandler()::handle));
        handlers.add(handler(Intent.VOTE_RESULT, t -> Answer.text(t.state(), VOTE_ANSWER, List.of(
                new QuickReply("Voir le scrutin", "résultat du scrutin 3876"),
                new QuickReply("Vote de Mathilde Panot", LONG_PAYLOAD)))));
        handlers.add(handler(Intent.REPRESENTATIVE_ATTENDANCE, t -> new Answer(List.of(
                new fr.civicgateway.core.conversation.Reply.Text(PARTICIPATION_ANSWER,
                        List.of(new QuickReply("Ses votes", "votes de Mathilde Panot"))),
                new fr.civicgateway.core.conversation.Reply.Chart(PARTICIPATION_CHART, Locale.FRENCH,
                        "Graphique en barres : participation mensuelle de Mathilde Panot.", PARTICIPATION_CAPTION)),
                t.state())));
        handlers.add(handler(Intent.REPRESENTATIVE_VOTES, t -> Answer.text(t.state(),
                "Mathilde Panot a voté contre le projet de loi de financement de la sécurité sociale.")));
        handlers.add(handler(Intent.PARLIAMENT_ACTIVITY, t -> Answer.text(t.state(), longText())));
        handlers.add(handler(Intent.FIND_REPRESENTATIVE, t -> Answer.text(t.state(),
                t.message().location() == null ? "Dans quelle commune habitez-vous ?" : "Position reçue.")));
        handlers.add(handler(Intent.CONSULTATION, t -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.text(t.state(), "Réponse lente.");
        }));
        for (Intent i : fr.civicgateway.core.nlu.IntentCorpus.shippedIntents()) {
            if (handlers.stream().noneMatch(h -> h.intent() == i)) {
                handlers.add(handler(i, t -> Answer.text(t.state(), t.say("Je ne sais pas répondre à cela.",
                        "I cannot answer that."))));
            }
        }
        return Dialogue.builder(nlu, new InMemoryConversationStore(1000, Duration.ofHours(2), Ticker.systemTicker()))
                .handlers(handlers).build();
    }

    /** A text of about 9 000 characters in paragraphs, as a long list of votes would be. */
    static String longText() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 90; i++) {
            b.append("Scrutin n° ").append(4000 + i).append(" : ").append("adopté. ".repeat(10).strip()).append("\n\n");
        }
        return b.toString().strip();
    }

    private IntentHandler handler(Intent intent, Function<Turn, Answer> answer) {
        return new IntentHandler() {
            @Override
            public Intent intent() {
                return intent;
            }

            @Override
            public Answer handle(Turn turn) {
                received.add(turn.message());
                return answer.apply(turn);
            }
        };
    }
}
